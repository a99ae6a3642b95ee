//! JSON articles: one object, an array of objects, one object per line, or a JSON Feed.
//!
//! Fields: `id`, `title`, `body` or `text`, and optionally `source`, `url`,
//! `published` or `date`, `byline` or `author`, `dateline`. Unknown fields are
//! ignored; a missing title is the text's first line.
//!
//! Each object is read once, by serde, into [`Fields`] (derived: one field
//! per accepted name, strings borrowed from the input unless they hold
//! escapes); only a field's value ([`Field`]) and "is this an object"
//! ([`Item`]) have hand-written visitors, because serde derives nothing that
//! takes any JSON value and says which kind it was.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{Article, dateline, text};

/// Why one JSON value is not an article.
pub(crate) type Refusal = String;

/// One JSON value read as an article, or why it is none.
pub(crate) type Made = Result<Article, Refusal>;

/// Where a JSON value came from, for its default id.
pub(crate) struct Origin<'a> {
    /// The input's name.
    pub name: &'a str,
    /// The value's 1-based line (JSONL) or 0-based index (array), for the id.
    pub position: Option<usize>,
}

impl Origin<'_> {
    fn default_id(&self) -> String {
        match self.position {
            Some(p) => format!("{}:{p}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// The byte ranges of the items of the JSON array that `text` holds,
/// found without parsing them, so that one broken item does not hide the
/// others. A truncated array's last item runs to the end of the text.
/// `None` when `text` is not an array.
pub(crate) fn array_items(text: &str) -> Option<Vec<Range<usize>>> {
    let open = text
        .find(|c: char| !c.is_whitespace())
        .filter(|&i| text[i..].starts_with('['))?;
    let mut items = Vec::new();
    let mut push = |range: Range<usize>| {
        let item = text::trim_range(text, range);
        if !item.is_empty() {
            items.push(item);
        }
    };
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = open + 1;
    // Structural characters are ASCII, so every split is a char boundary.
    for (i, &b) in text.as_bytes().iter().enumerate().skip(open + 1) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' => {
                push(start..i);
                return Some(items);
            }
            b',' if depth == 0 => {
                push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start..text.len());
    Some(items)
}

/// The byte ranges of the items of a JSON Feed that does not parse whole
/// (a truncated download), so the complete ones can still be read.
pub(crate) fn broken_feed_items(text: &str) -> Option<Vec<Range<usize>>> {
    // The version may come last, after the cut; the items' fields tell.
    let feed_fields = [
        "jsonfeed.org/version",
        "\"content_html\"",
        "\"content_text\"",
    ];
    if !feed_fields.iter().any(|f| text.contains(f)) {
        return None;
    }
    let key = text.find("\"items\"")?;
    let open = key + text[key..].find('[')?;
    let items = array_items(&text[open..])?;
    Some(
        items
            .into_iter()
            .map(|r| open + r.start..open + r.end)
            .collect(),
    )
}

/// One parsed JSON document: an array of values, or one value.
pub(crate) enum Document<'a> {
    /// A top-level array's items, each read on its own so that one
    /// object hearsay cannot take does not hide the others.
    Array(Vec<&'a RawValue>),
    /// Any other top-level value.
    One(Item<'a>),
}

/// Reads a whole JSON document. `Err` is serde_json's error for text that
/// is not JSON, or a data error ([`serde_json::Error::is_data`]) for a
/// top-level object that repeats a field.
pub(crate) fn document(text: &str) -> serde_json::Result<Document<'_>> {
    if text.trim_start_matches(JSON_SPACE).starts_with('[') {
        serde_json::from_str(text).map(Document::Array)
    } else {
        serde_json::from_str(text).map(Document::One)
    }
}

/// The whitespace JSON allows between values.
const JSON_SPACE: [char; 4] = [' ', '\t', '\n', '\r'];

impl Document<'_> {
    /// Whether this is a JSON Feed (<https://jsonfeed.org>).
    pub(crate) fn is_json_feed(&self) -> bool {
        let Document::One(Item::Object(fields)) = self else {
            return false;
        };
        matches!(&fields.version, Field::Text(v) if v.contains("jsonfeed.org"))
            && fields.items.is_some_and(is_array)
    }
}

fn is_array(raw: &RawValue) -> bool {
    raw.get().starts_with('[')
}

/// The items of a JSON array already read whole.
fn list(array: &RawValue) -> Vec<&RawValue> {
    serde_json::from_str(array.get()).unwrap_or_default()
}

/// The articles in one parsed JSON document, or why each could not be read,
/// each with its array index (0-based) for arrays.
pub(crate) fn articles(
    document: Document<'_>,
    name: &str,
) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
    let feed = document.is_json_feed();
    let items = match document {
        Document::Array(items) => items,
        Document::One(Item::Object(fields)) if feed => return feed_items(*fields, name),
        Document::One(Item::Object(fields)) => match wrapped_list(&fields) {
            // `{"articles": [...]}`, as news APIs answer.
            Some(array) => list(array),
            None => {
                let origin = Origin {
                    name,
                    position: None,
                };
                return vec![(None, article(*fields, &origin))];
            }
        },
        Document::One(other) => {
            let origin = Origin {
                name,
                position: None,
            };
            return vec![(None, other.article(&origin))];
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, raw)| {
            let origin = Origin {
                name,
                position: Some(i),
            };
            let made = article_from_str(raw.get(), &origin);
            (Some(i), made.unwrap_or_else(|e| Err(data_refusal(&e))))
        })
        .collect()
}

/// One JSON value's text as an article: `Err` holds serde_json's error for
/// text that is not JSON; JSON that is not an object, or an object whose
/// fields hearsay cannot read, gets a refusal.
pub(crate) fn article_from_str(
    text: &str,
    origin: &Origin<'_>,
) -> serde_json::Result<Result<Article, Refusal>> {
    match serde_json::from_str::<Item<'_>>(text) {
        Ok(item) => Ok(item.article(origin)),
        Err(e) if e.is_data() => Ok(Err(data_refusal(&e))),
        Err(e) => Err(e),
    }
}

/// One JSON Feed item's text as an article, as [`article_from_str`] reads
/// an article.
pub(crate) fn feed_item_from_str(
    text: &str,
    name: &str,
    index: usize,
) -> serde_json::Result<Result<Article, Refusal>> {
    match serde_json::from_str::<Item<'_>>(text) {
        Ok(item) => Ok(feed_item(item, name, index, None)),
        Err(e) if e.is_data() => Ok(Err(data_refusal(&e))),
        Err(e) => Err(e),
    }
}

/// serde_json's words for an object it read but could not take (the only
/// such case is a repeated field), without its position.
fn data_refusal(e: &serde_json::Error) -> Refusal {
    let full = e.to_string();
    full.split(" at line ").next().unwrap_or(&full).to_string()
}

/// One JSON value: an object's fields, or the kind of value it is instead.
pub(crate) enum Item<'a> {
    /// An object, with the fields hearsay reads.
    Object(Box<Fields<'a>>),
    /// Any other value, named as in "found a number".
    Not(&'static str),
}

impl Item<'_> {
    fn article(self, origin: &Origin<'_>) -> Result<Article, Refusal> {
        match self {
            Item::Object(fields) => article(*fields, origin),
            Item::Not(kind) => Err(format!("expected a JSON object, found {kind}")),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Item<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Any<'a> {
            type Value = Item<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item<'a>, A::Error> {
                Fields::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|f| Item::Object(Box::new(f)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Item<'a>, A::Error> {
                IgnoredAny::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Item::Not("an array"))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Item<'a>, E> {
                Ok(Item::Not("a string"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Item<'a>, E> {
                Ok(Item::Not("null"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Item<'a>, E> {
                Ok(Item::Not("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Item<'a>, E> {
                Ok(Item::Not("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Item<'a>, E> {
                Ok(Item::Not("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Item<'a>, E> {
                Ok(Item::Not("a number"))
            }
        }
        deserializer.deserialize_any(Any(PhantomData))
    }
}

/// The fields of one JSON object that hearsay reads, one per accepted name;
/// every other key is skipped unread. Not serde aliases of one field: an
/// object may carry several names of one slot (`"body": null, "text": …`),
/// the first present one wins ([`article`] says the order), and derived
/// aliases refuse the second as a duplicate.
#[derive(Deserialize)]
pub(crate) struct Fields<'a> {
    #[serde(default, borrow)]
    body: Field<'a>,
    #[serde(default, borrow)]
    text: Field<'a>,
    #[serde(default, borrow)]
    content: Field<'a>,
    #[serde(default, borrow)]
    id: Field<'a>,
    #[serde(default, borrow)]
    title: Field<'a>,
    #[serde(default, borrow)]
    headline: Field<'a>,
    #[serde(default, borrow)]
    source: Field<'a>,
    #[serde(default, borrow)]
    publisher: Field<'a>,
    #[serde(default, borrow)]
    url: Field<'a>,
    #[serde(default, borrow)]
    link: Field<'a>,
    #[serde(default, borrow)]
    published: Field<'a>,
    #[serde(default, borrow)]
    date: Field<'a>,
    #[serde(default, borrow)]
    date_published: Field<'a>,
    #[serde(default, borrow, rename = "publishedAt")]
    published_at_camel: Field<'a>,
    #[serde(default, borrow)]
    published_at: Field<'a>,
    #[serde(default, borrow, rename = "pubDate")]
    pub_date: Field<'a>,
    #[serde(default, borrow)]
    byline: Field<'a>,
    #[serde(default, borrow)]
    author: Field<'a>,
    #[serde(default, borrow)]
    authors: Field<'a>,
    #[serde(default, borrow)]
    dateline: Field<'a>,
    /// A JSON Feed item's text.
    #[serde(default, borrow)]
    content_text: Field<'a>,
    /// A JSON Feed item's HTML.
    #[serde(default, borrow)]
    content_html: Field<'a>,
    /// A JSON Feed item's summary, in HTML.
    #[serde(default, borrow)]
    summary: Field<'a>,
    /// A JSON Feed's version URL.
    #[serde(default, borrow)]
    version: Field<'a>,
    /// The lists of articles a document may wrap, kept unread until a
    /// whole document turns out to be such a wrapper.
    #[serde(borrow)]
    items: Option<&'a RawValue>,
    #[serde(borrow)]
    articles: Option<&'a RawValue>,
    #[serde(borrow)]
    entries: Option<&'a RawValue>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
    #[serde(borrow)]
    results: Option<&'a RawValue>,
}

/// One field's value, as much of it as hearsay reads.
#[derive(Default)]
enum Field<'a> {
    /// The key is absent.
    #[default]
    Missing,
    Null,
    /// A string, borrowed from the input unless it holds escapes.
    Text(Cow<'a, str>),
    /// A number, written as serde_json writes it.
    Number(String),
    Bool,
    /// An object, with its `name` when that is a string (`{"name": …}` authors).
    Object(Option<Cow<'a, str>>),
    /// An array, with the names among its items (strings and `{"name": …}`).
    Array(Vec<Cow<'a, str>>),
}

impl<'a> Field<'a> {
    fn kind(&self) -> &'static str {
        match self {
            Field::Missing | Field::Null => "null",
            Field::Bool => "a boolean",
            Field::Number(_) => "a number",
            Field::Text(_) => "a string",
            Field::Array(_) => "an array",
            Field::Object(_) => "an object",
        }
    }

    /// The name this value gives as an author or source, if any.
    fn into_name(self) -> Option<Cow<'a, str>> {
        match self {
            Field::Text(s) => Some(s),
            Field::Object(name) => name,
            _ => None,
        }
    }
}

/// The one key of an author object that hearsay reads.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum PersonKey {
    Name,
    #[serde(other)]
    Other,
}

/// A serde visitor rather than a derive: a field is any JSON value, and a
/// value of the wrong type must be told by its kind, in hearsay's words.
impl<'de: 'a, 'a> Deserialize<'de> for Field<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Any<'a> {
            type Value = Field<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Field<'a>, E> {
                Ok(Field::Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Field<'a>, E> {
                Ok(Field::Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Field<'a>, E> {
                Ok(Field::Text(Cow::Owned(s)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Field<'a>, E> {
                Ok(Field::Null)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field<'a>, E> {
                Ok(Field::Bool)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Field<'a>, E> {
                Ok(Field::Number(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Field<'a>, E> {
                Ok(Field::Number(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Field<'a>, E> {
                let written = serde_json::Number::from_f64(n).map(|n| n.to_string());
                Ok(Field::Number(written.unwrap_or_else(|| n.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<'a>, A::Error> {
                let mut names = Vec::new();
                while let Some(item) = seq.next_element::<Field<'a>>()? {
                    names.extend(item.into_name());
                }
                Ok(Field::Array(names))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<'a>, A::Error> {
                let mut name = None;
                while let Some(key) = map.next_key::<PersonKey>()? {
                    match key {
                        // A repeated key keeps its last value, as JSON
                        // readers commonly do.
                        PersonKey::Name => match map.next_value::<Field<'a>>()? {
                            Field::Text(s) => name = Some(s),
                            _ => name = None,
                        },
                        PersonKey::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Field::Object(name))
            }
        }
        deserializer.deserialize_any(Any(PhantomData))
    }
}

/// Fields that may hold `{"name": …}` objects, or lists of names, instead of strings.
const NAMED: [&str; 4] = ["author", "authors", "source", "publisher"];

/// The first of `fields` present with a string value; `null` counts as
/// absent, other types are an error naming the field. A named field's
/// object or list ends the search, with or without a name.
fn first<'a, const N: usize>(
    fields: [(&'static str, Field<'a>); N],
) -> Result<Option<Cow<'a, str>>, Refusal> {
    for (name, field) in fields {
        match field {
            Field::Missing | Field::Null => continue,
            Field::Text(s) => return Ok(Some(s)),
            Field::Object(n) if NAMED.contains(&name) => return Ok(n),
            Field::Array(names) if NAMED.contains(&name) => {
                return Ok((!names.is_empty()).then(|| Cow::Owned(names.join(", "))));
            }
            other => {
                return Err(format!(
                    "field `{name}` should be a string, found {}",
                    other.kind()
                ));
            }
        }
    }
    Ok(None)
}

fn owned(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

/// One JSON object's fields as an article.
fn article(f: Fields<'_>, origin: &Origin<'_>) -> Result<Article, Refusal> {
    let body = first([("body", f.body), ("text", f.text), ("content", f.content)])?
        .ok_or_else(|| "no `body` or `text` field".to_string())?;
    if body.trim_matches(text::is_blank).is_empty() {
        return Err("the article's text is empty".to_string());
    }
    let id = match f.id {
        Field::Missing | Field::Null => origin.default_id(),
        Field::Text(s) => s.into_owned(),
        Field::Number(n) => n,
        other => {
            return Err(format!(
                "field `id` should be a string or number, found {}",
                other.kind()
            ));
        }
    };
    let title = first([("title", f.title), ("headline", f.headline)])?;
    let mut article = Article {
        id,
        text: body.into_owned(),
        source: owned(first([("source", f.source), ("publisher", f.publisher)])?),
        url: owned(first([("url", f.url), ("link", f.link)])?),
        published: owned(first([
            ("published", f.published),
            ("date", f.date),
            ("date_published", f.date_published),
            ("publishedAt", f.published_at_camel),
            ("published_at", f.published_at),
            ("pubDate", f.pub_date),
        ])?),
        byline: owned(first([
            ("byline", f.byline),
            ("author", f.author),
            ("authors", f.authors),
        ])?),
        ..Article::default()
    };
    let dateline_field = first([("dateline", f.dateline)])?;
    super::set_title_and_body(&mut article, title.as_deref());
    if article.dateline.is_none() {
        article.dateline =
            dateline_field.and_then(|d| dateline::parse_field(&d, article.body.start));
    }
    Ok(article)
}

/// The list of articles in an object without a story of its own.
fn wrapped_list<'a>(f: &Fields<'a>) -> Option<&'a RawValue> {
    let has_story = [&f.body, &f.text, &f.content]
        .iter()
        .any(|f| !matches!(f, Field::Missing));
    let list = [f.articles, f.items, f.entries, f.data, f.results]
        .into_iter()
        .flatten()
        .find(|l| is_array(l))?;
    (!has_story).then_some(list)
}

/// The items of a JSON Feed (<https://jsonfeed.org>), HTML content made plain.
fn feed_items(feed: Fields<'_>, name: &str) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
    let source = match &feed.title {
        Field::Text(t) => Some(text::one_line(t)),
        _ => None,
    };
    let items = feed.items.map(list).unwrap_or_default();
    items
        .into_iter()
        .enumerate()
        .map(|(i, raw)| {
            let made = match serde_json::from_str::<Item<'_>>(raw.get()) {
                Ok(item) => feed_item(item, name, i, source.as_deref()),
                Err(e) => Err(data_refusal(&e)),
            };
            (Some(i), made)
        })
        .collect()
}

fn feed_item(
    item: Item<'_>,
    name: &str,
    index: usize,
    source: Option<&str>,
) -> Result<Article, Refusal> {
    let mut f = match item {
        Item::Object(f) => *f,
        Item::Not(kind) => return Err(format!("feed item should be an object, found {kind}")),
    };
    let body = match first([("content_text", std::mem::take(&mut f.content_text))])? {
        Some(t) => t.into_owned(),
        None => {
            let html = first([
                ("content_html", std::mem::take(&mut f.content_html)),
                ("summary", std::mem::take(&mut f.summary)),
            ])?;
            html.map(|h| super::html::to_text(&h))
                .ok_or("feed item has no content")?
        }
    };
    f.body = Field::Text(Cow::Owned(body));
    f.text = Field::Missing;
    f.content = Field::Missing;
    // JSON Feed's names for the fields an article has under others.
    if matches!(f.published, Field::Missing) {
        f.published = std::mem::take(&mut f.date_published);
    }
    if !matches!(f.authors, Field::Missing) {
        f.author = std::mem::take(&mut f.authors);
    }
    let mut article = article(
        f,
        &Origin {
            name,
            position: Some(index),
        },
    )?;
    article.source = article.source.or_else(|| source.map(str::to_string));
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> Result<Article, Refusal> {
        let origin = Origin {
            name: "t.json",
            position: Some(3),
        };
        article_from_str(json, &origin).expect("test JSON parses")
    }

    #[test]
    fn fields_and_exact_text() {
        let a = one(r#"{"id": 7, "title": "A &lt;B>\n title", "text": "Body “q”.\n", "date": "2020", "extra": [1]}"#)
            .expect("loads");
        assert_eq!((a.id.as_str(), a.title.as_str()), ("7", "A <B> title"));
        assert_eq!(a.text, "Body “q”.\n");
        assert_eq!(&a.text[a.body.clone()], "Body “q”.");
        assert_eq!(a.published.as_deref(), Some("2020"));
    }

    #[test]
    fn missing_title_is_the_first_line() {
        let a = one(r#"{"body": "Headline\n\nFirst para.\nSecond."}"#).expect("loads");
        assert_eq!(a.title, "Headline");
        assert_eq!(&a.text[a.body.clone()], "First para.\nSecond.");
        assert_eq!(a.id, "t.json:3");
    }

    #[test]
    fn wrong_types_are_refused_with_the_field_name() {
        let e = one(r#"{"title": 5, "body": "x"}"#).expect_err("refused");
        assert!(e.contains("`title`") && e.contains("number"), "{e}");
        assert!(one(r#"{"title": "t"}"#).is_err());
        assert!(one("[1]").is_err());
    }

    #[test]
    fn array_items_split_at_top_level_commas() {
        let text = r#" [ {"a": [1, 2], "b": "x,]\"y"}, {"c": {}} , 3 ]"#;
        let items: Vec<&str> = array_items(text)
            .expect("an array")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            items,
            [r#"{"a": [1, 2], "b": "x,]\"y"}"#, r#"{"c": {}}"#, "3"]
        );
        let cut = r#"[{"a": 1}, {"b": "trunc"#;
        let items: Vec<&str> = array_items(cut)
            .expect("an array")
            .into_iter()
            .map(|r| &cut[r])
            .collect();
        assert_eq!(items, [r#"{"a": 1}"#, r#"{"b": "trunc"#]);
        assert!(array_items("{}").is_none());
        assert_eq!(array_items("[]"), Some(vec![]));
    }

    #[test]
    fn news_api_shape() {
        let found = articles(
            document(
                r#"{"status": "ok", "articles": [{"source": {"id": null, "name": "Wire"}, "author": "Ana Lin",
                "title": "T", "content": "Body.", "publishedAt": "2025-01-01"}]}"#,
            )
            .expect("test JSON parses"),
            "api.json",
        );
        let [(Some(0), Ok(a))] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(
            (a.source.as_deref(), a.byline.as_deref()),
            (Some("Wire"), Some("Ana Lin"))
        );
        assert_eq!(
            (a.published.as_deref(), a.text.as_str()),
            (Some("2025-01-01"), "Body.")
        );
    }

    #[test]
    fn dateline_field_is_parsed() {
        let a = one(r#"{"title": "T", "dateline": "SALVADOR, Feb 26 -", "body": "Showers fell."}"#)
            .expect("loads");
        let d = a.dateline.expect("dateline");
        assert_eq!(
            (d.place.as_str(), d.date.as_deref()),
            ("SALVADOR", Some("Feb 26"))
        );
        assert!(d.span.is_empty());
    }

    fn from_str(text: &str) -> Result<Article, Refusal> {
        let origin = Origin {
            name: "t.jsonl",
            position: Some(3),
        };
        article_from_str(text, &origin).expect("valid JSON")
    }

    #[test]
    fn fields_are_read_without_parsing_the_rest() {
        // Escapes in the body and in a key decode as usual; unknown fields of
        // any shape are skipped.
        let a = from_str(
            r#"{"topics": [{"deep": [1, 2, {"x": null}]}], "t\u0069tle": "Ferry",
                "body": "She said \"no\"\nand left \u2014 twice.", "id": 7, "places": "x"}"#,
        )
        .expect("loads");
        assert_eq!(a.id, "7");
        assert_eq!(a.title, "Ferry");
        assert_eq!(a.text, "She said \"no\"\nand left \u{2014} twice.");
    }

    #[test]
    fn a_wrong_field_type_or_a_non_object_is_refused_by_name() {
        let wrong = from_str(r#"{"title": "T", "body": ["not", "text"]}"#);
        assert!(
            wrong
                .as_ref()
                .is_err_and(|e| e.contains("body") && e.contains("array")),
            "{wrong:?}"
        );
        let list = from_str(r#"[1, 2]"#);
        assert_eq!(
            list.err().as_deref(),
            Some("expected a JSON object, found an array")
        );
        let origin = Origin {
            name: "t.jsonl",
            position: Some(1),
        };
        assert!(
            article_from_str(r#"{"body": "x""#, &origin).is_err(),
            "truncated"
        );
    }

    #[test]
    fn a_line_borrows_its_strings_unless_they_hold_escapes() {
        let line = r#"{"body": "“Yes,” she said.", "title": "A \"big\" day", "x": {"body": 1}}"#;
        let Ok(Item::Object(fields)) = serde_json::from_str::<Item<'_>>(line) else {
            panic!("an object");
        };
        assert!(
            matches!(fields.body, Field::Text(Cow::Borrowed("“Yes,” she said."))),
            "the plain body is not copied"
        );
        let Field::Text(Cow::Owned(title)) = &fields.title else {
            panic!("the escaped title is decoded into its own string");
        };
        assert_eq!(title, "A \"big\" day");
        // The nested object's `body` is not the line's.
        assert!(matches!(
            (&fields.text, &fields.content),
            (Field::Missing, Field::Missing)
        ));
    }

    /// Each line's article or refusal, in the words the loader prints; and
    /// the same object read as a whole document gives the same.
    #[test]
    fn a_line_reads_as_the_same_object_read_whole() {
        let lines = [
            (
                r#"{"id": 12, "title": "Tide", "body": "High water \u00e0 six\ud83d\ude00.\tEnd"}"#,
                Ok("12|Tide|High water à six😀.\tEnd|-|-|-|-"),
            ),
            (
                r#"{"id": -3.5, "body": "Text", "author": {"name": "Ana Ruiz"}, "source": null}"#,
                Ok("-3.5|Text|Text|Ana Ruiz|-|-|-"),
            ),
            (
                r#"{"body": "Text", "authors": [{"name": "A"}, "B", 7], "published": "2024-05-01"}"#,
                Ok("t.jsonl|Text|Text|A, B|2024-05-01|-|-"),
            ),
            (
                r#"{"text": "Only text", "dateline": "PORT VELL —", "url": "https:\/\/x.test\/a"}"#,
                Ok("t.jsonl|Only text|Only text|-|-|https://x.test/a|-"),
            ),
            (
                r#"{"body": null, "text": "falls back to text"}"#,
                Ok("t.jsonl|falls back to text|falls back to text|-|-|-|-"),
            ),
            (
                r#"{"id": true, "body": "x"}"#,
                Err("field `id` should be a string or number, found a boolean"),
            ),
            (
                r#"{"id": "a", "body": "x", "title": 5}"#,
                Err("field `title` should be a string, found a number"),
            ),
            (
                r#"{"body": "x", "published": ["2024"]}"#,
                Err("field `published` should be a string, found an array"),
            ),
            (
                r#"{"body": {"html": "<p>x</p>"}}"#,
                Err("field `body` should be a string, found an object"),
            ),
            (r#"{"body": "   "}"#, Err("the article's text is empty")),
            (r#"{"title": "no text"}"#, Err("no `body` or `text` field")),
            (r#"{}"#, Err("no `body` or `text` field")),
            (
                r#""just a string""#,
                Err("expected a JSON object, found a string"),
            ),
            (r#"null"#, Err("expected a JSON object, found null")),
        ];
        let origin = Origin {
            name: "t.jsonl",
            position: None,
        };
        let summary = |a: &Article| {
            let or = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
            let (b, p, u, s) = (or(&a.byline), or(&a.published), or(&a.url), or(&a.source));
            format!("{}|{}|{}|{b}|{p}|{u}|{s}", a.id, a.title, a.text)
        };
        for (line, want) in lines {
            let read = article_from_str(line, &origin).expect("JSON");
            let got = read.as_ref().map(summary).map_err(String::as_str);
            assert_eq!(got.as_deref().map_err(|e| *e), want, "{line}");
            let found = articles(document(line).expect("JSON"), "t.jsonl");
            assert_eq!(found, [(None, read)], "{line}");
        }
    }

    /// A repeated field is refused by name (serde's derive refuses it; a
    /// `Value` kept the last), as a line and as a whole document.
    #[test]
    fn a_repeated_field_is_refused_by_name() {
        let line = r#"{"body": "one", "body": "two", "title": "first"}"#;
        assert_eq!(
            from_str(line).err().as_deref(),
            Some("duplicate field `body`")
        );
        let whole = document(line).err().expect("refused");
        assert!(whole.is_data(), "{whole}");
        // In an array, only that item is refused.
        let found = doc(&format!(r#"[{line}, {{"text": "fine"}}]"#));
        let [(Some(0), Err(e)), (Some(1), Ok(_))] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(e, "duplicate field `body`");
    }

    /// A whole JSON document's articles, as [`articles`] reads them.
    fn doc(text: &str) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
        articles(document(text).expect("test JSON parses"), "d.json")
    }

    /// Every field name and nested shape accepted today, each in the slot it
    /// fills; guards the reading of objects against a rewrite.
    #[test]
    fn every_accepted_name_and_shape_fills_its_slot() {
        let a = one(
            r#"{"content": "Body.", "headline": "Head", "publisher": {"name": "Wire"},
                "link": "https://x.test/a", "pubDate": "Mon, 01 Jan 2024", "authors": ["A", {"name": "B"}, 3, {"x": 1}]}"#,
        )
        .expect("loads");
        assert_eq!((a.text.as_str(), a.title.as_str()), ("Body.", "Head"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.published.as_deref(), Some("Mon, 01 Jan 2024"));
        assert_eq!(a.byline.as_deref(), Some("A, B"));
        for (field, want) in [
            ("date_published", "d1"),
            ("publishedAt", "d2"),
            ("published_at", "d3"),
            ("pubDate", "d4"),
            ("date", "d5"),
        ] {
            let a = one(&format!(r#"{{"body": "x", "{field}": "{want}"}}"#)).expect("loads");
            assert_eq!(a.published.as_deref(), Some(want), "{field}");
        }
        // The first name present wins; null counts as absent.
        let a = one(
            r#"{"text": "second", "body": "first", "date": "late", "published": "early",
                "author": "Au", "byline": null, "source": "S", "publisher": "P", "url": "u", "link": "l"}"#,
        )
        .expect("loads");
        assert_eq!(a.text, "first");
        assert_eq!(a.published.as_deref(), Some("early"));
        assert_eq!(a.byline.as_deref(), Some("Au"));
        assert_eq!(
            (a.source.as_deref(), a.url.as_deref()),
            (Some("S"), Some("u"))
        );
        // An author object without a string name, or an empty list, is no byline
        // (and does not fall through to the next name).
        let a = one(r#"{"body": "x", "author": {"name": 5}, "authors": ["Z"]}"#).expect("loads");
        assert_eq!(a.byline, None);
        let a = one(r#"{"body": "x", "authors": []}"#).expect("loads");
        assert_eq!(a.byline, None);
        // `byline` takes no objects; `source` takes no numbers.
        let e = one(r#"{"body": "x", "byline": {"name": "A"}}"#).expect_err("refused");
        assert_eq!(e, "field `byline` should be a string, found an object");
        let e = one(r#"{"body": "x", "source": 3}"#).expect_err("refused");
        assert_eq!(e, "field `source` should be a string, found a number");
        let e = one(r#"{"body": "x", "id": [1]}"#).expect_err("refused");
        assert_eq!(e, "field `id` should be a string or number, found an array");
        assert_eq!(
            one(r#"{"body": "x", "id": 1.5e3}"#).expect("loads").id,
            "1500.0"
        );
        assert_eq!(
            one(r#"{"body": " \n"}"#).expect_err("refused"),
            "the article's text is empty"
        );
        assert_eq!(
            one(r#"{"title": "t"}"#).expect_err("refused"),
            "no `body` or `text` field"
        );
    }

    #[test]
    fn documents_arrays_and_wrapped_lists() {
        let found = doc(r#"[{"body": "one"}, 5, {"text": "two", "id": "b"}]"#);
        let ids: Vec<_> = found
            .iter()
            .map(|(i, r)| (*i, r.as_ref().map(|a| a.id.clone()).map_err(String::clone)))
            .collect();
        assert_eq!(
            ids,
            [
                (Some(0), Ok("d.json:0".to_string())),
                (
                    Some(1),
                    Err("expected a JSON object, found a number".to_string())
                ),
                (Some(2), Ok("b".to_string())),
            ]
        );
        for key in ["articles", "items", "entries", "data", "results"] {
            let found = doc(&format!(
                r#"{{"status": "ok", "{key}": [{{"body": "x"}}, {{"body": "y"}}]}}"#
            ));
            assert_eq!(found.len(), 2, "{key}");
            assert!(found.iter().all(|(_, r)| r.is_ok()), "{key}");
        }
        // An object with a story of its own is that story, lists and all.
        let found = doc(r#"{"body": "Story.", "items": [{"body": "x"}]}"#);
        let [(None, Ok(a))] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!((a.id.as_str(), a.text.as_str()), ("d.json", "Story."));
        // A list key that holds no array is an ordinary field.
        let found = doc(r#"{"data": "x", "title": "T"}"#);
        assert!(matches!(found.as_slice(), [(None, Err(_))]), "{found:?}");
        let found = doc(r#""text""#);
        assert_eq!(
            found[0].1.as_ref().err().map(String::as_str),
            Some("expected a JSON object, found a string")
        );
    }

    #[test]
    fn json_feed_items() {
        let found = doc(
            r#"{"version": "https://jsonfeed.org/version/1.1", "title": "The\nFeed", "items": [
                {"id": "1", "content_text": "Plain.", "content_html": "<p>ignored</p>", "title": "T1",
                 "date_published": "2024-01-01", "date": "other", "authors": [{"name": "Ann"}], "author": "old"},
                {"id": "2", "content_html": "<p>Html &amp; more.</p>", "published": null,
                 "date": "d", "date_published": "dp", "author": {"name": "Bo"}, "source": "Own"},
                {"id": "3", "summary": "<b>Sum</b>mary."},
                {"id": "4", "title": "nothing"},
                {"id": "5", "content_text": 7},
                "x"
            ]}"#,
        );
        let got: Vec<_> = found.iter().map(|(i, r)| (*i, r.as_ref())).collect();
        let [
            (Some(0), Ok(a)),
            (Some(1), Ok(b)),
            (Some(2), Ok(c)),
            (Some(3), Err(no)),
            (Some(4), Err(wrong)),
            (Some(5), Err(not)),
        ] = got.as_slice()
        else {
            panic!("{found:?}")
        };
        assert_eq!((a.text.as_str(), a.title.as_str()), ("Plain.", "T1"));
        // `date_published` stands for `published` when that is absent.
        assert_eq!(a.published.as_deref(), Some("2024-01-01"));
        assert_eq!(a.byline.as_deref(), Some("Ann"));
        assert_eq!(a.source.as_deref(), Some("The Feed"));
        assert_eq!(b.text, "Html & more.");
        assert_eq!(b.published.as_deref(), Some("d"));
        assert_eq!(
            (b.byline.as_deref(), b.source.as_deref()),
            (Some("Bo"), Some("Own"))
        );
        assert_eq!(c.text, "Summary.");
        assert_eq!(no.as_str(), "feed item has no content");
        assert_eq!(
            wrong.as_str(),
            "field `content_text` should be a string, found a number"
        );
        assert_eq!(
            not.as_str(),
            "feed item should be an object, found a string"
        );
    }
}
