//! JSON articles: one object, an array of objects, one object per line, or a JSON Feed.
//!
//! Fields: `id`, `title`, `body` or `text`, and optionally `source`, `url`,
//! `published` or `date`, `byline` or `author`, `dateline`. Unknown fields are
//! ignored; a missing title is the text's first line.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::{Article, dateline, text};

/// Why one JSON value is not an article.
pub(crate) type Refusal = String;

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

/// The articles in one parsed JSON document, or why each could not be read.
/// The `usize` is the array index (0-based) for arrays.
pub(crate) fn articles(value: Value, name: &str) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
    match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    Some(i),
                    article(
                        v,
                        &Origin {
                            name,
                            position: Some(i),
                        },
                    ),
                )
            })
            .collect(),
        Value::Object(map) if is_json_feed(&map) => feed_items(map, name),
        // `{"articles": [...]}`, as news APIs answer.
        Value::Object(mut map) if wrapped_list(&map).is_some() => {
            let list = wrapped_list(&map).and_then(|key| map.remove(key));
            articles(list.unwrap_or_default(), name)
        }
        other => vec![(
            None,
            article(
                other,
                &Origin {
                    name,
                    position: None,
                },
            ),
        )],
    }
}

/// Every field [`article`] reads; the rest of a JSONL line is checked but
/// never kept.
const FIELDS: &[&str] = &[
    "body",
    "text",
    "content",
    "id",
    "title",
    "headline",
    "source",
    "publisher",
    "url",
    "link",
    "published",
    "date",
    "date_published",
    "publishedAt",
    "published_at",
    "pubDate",
    "byline",
    "author",
    "authors",
    "dateline",
];

/// One JSON object's text as an article. Only the fields hearsay reads are
/// kept, and their strings are borrowed from `text` unless they hold escapes,
/// so the article's text is copied once, into the article. `Err` holds
/// serde_json's error for text that is not JSON; JSON that is not an object
/// gets [`article`]'s refusal.
pub(crate) fn article_from_str(
    text: &str,
    origin: &Origin<'_>,
) -> serde_json::Result<Result<Article, Refusal>> {
    let Ok(Line(fields)) = serde_json::from_str::<Line<'_>>(text) else {
        // Not an object (or not JSON): the general path says which.
        return serde_json::from_str::<Value>(text).map(|v| article(v, origin));
    };
    // Through a map, so that a field's wrong type is refused in the very
    // words a whole JSON document gets.
    let map: Map<String, Value> = FIELDS
        .iter()
        .zip(fields)
        .filter_map(|(name, field)| {
            let value = match field? {
                Field::Text(s) => Value::String(s.into_owned()),
                Field::Other(v) => v,
            };
            Some((name.to_string(), value))
        })
        .collect();
    Ok(article(Value::Object(map), origin))
}

/// The fields of one JSON object that [`article`] reads, in [`FIELDS`]
/// order. Written by hand rather than derived: a repeated key keeps its last
/// value, as in a [`Value`], and unknown keys are matched without being
/// allocated.
struct Line<'a>([Option<Field<'a>>; FIELDS.len()]);

/// One field's value: a string, borrowed when it has no escapes, or any
/// other JSON, kept as a [`Value`] for [`article`] to accept or refuse.
enum Field<'a> {
    Text(Cow<'a, str>),
    Other(Value),
}

impl<'de> Deserialize<'de> for Line<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Line<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line<'de>, A::Error> {
                let mut fields = [const { None }; FIELDS.len()];
                while let Some(Key(key)) = map.next_key()? {
                    match key {
                        Some(i) => fields[i] = Some(map.next_value()?),
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Line(fields))
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// A key's place in [`FIELDS`]; `None` for a key hearsay does not read.
struct Key(Option<usize>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
                Ok(Key(FIELDS.iter().position(|f| *f == name)))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Field<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Field<'de>, E> {
                Ok(Field::Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Field<'de>, E> {
                Ok(Field::Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Field<'de>, E> {
                Ok(Field::Text(Cow::Owned(s)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Null))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Bool(b)))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Field::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(Field::Other)
            }
        }
        deserializer.deserialize_any(Any)
    }
}

/// One JSON value as an article.
pub(crate) fn article(value: Value, origin: &Origin<'_>) -> Result<Article, Refusal> {
    let Value::Object(mut map) = value else {
        return Err(format!(
            "expected a JSON object, found {}",
            type_name(&value)
        ));
    };
    let body = take_string(&mut map, &["body", "text", "content"])?
        .ok_or_else(|| "no `body` or `text` field".to_string())?;
    if body.trim_matches(text::is_blank).is_empty() {
        return Err("the article's text is empty".to_string());
    }
    let id = match map.remove("id") {
        None | Some(Value::Null) => origin.default_id(),
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(format!(
                "field `id` should be a string or number, found {}",
                type_name(&other)
            ));
        }
    };
    let title = take_string(&mut map, &["title", "headline"])?;
    let mut article = Article {
        id,
        text: body,
        source: take_string(&mut map, &["source", "publisher"])?,
        url: take_string(&mut map, &["url", "link"])?,
        published: take_string(
            &mut map,
            &[
                "published",
                "date",
                "date_published",
                "publishedAt",
                "published_at",
                "pubDate",
            ],
        )?,
        byline: take_string(&mut map, &["byline", "author", "authors"])?,
        ..Article::default()
    };
    let dateline_field = take_string(&mut map, &["dateline"])?;
    super::set_title_and_body(&mut article, title.as_deref());
    if article.dateline.is_none() {
        article.dateline =
            dateline_field.and_then(|d| dateline::parse_field(&d, article.body.start));
    }
    Ok(article)
}

/// The first of `names` present with a string value; `null` counts as absent,
/// other types are an error naming the field.
/// Fields that may hold `{"name": …}` objects instead of strings.
const NAMED: [&str; 4] = ["author", "authors", "source", "publisher"];

fn take_string(map: &mut Map<String, Value>, names: &[&str]) -> Result<Option<String>, Refusal> {
    for name in names {
        match map.remove(*name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => return Ok(Some(s)),
            // Authors and sources often come as `{"name": …}`, authors as a list of those.
            Some(Value::Object(o)) if NAMED.contains(name) => {
                return Ok(author_name(&Value::Object(o)));
            }
            Some(Value::Array(a)) if NAMED.contains(name) => return Ok(authors(&a)),
            Some(other) => {
                return Err(format!(
                    "field `{name}` should be a string, found {}",
                    type_name(&other)
                ));
            }
        }
    }
    Ok(None)
}

fn author_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn authors(list: &[Value]) -> Option<String> {
    let names: Vec<String> = list.iter().filter_map(author_name).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The key of the one list of articles in an object without a story of its own.
fn wrapped_list(map: &Map<String, Value>) -> Option<&'static str> {
    let has_story = ["body", "text", "content"]
        .iter()
        .any(|k| map.contains_key(*k));
    let key = ["articles", "items", "entries", "data", "results"]
        .into_iter()
        .find(|k| map.get(*k).is_some_and(Value::is_array))?;
    (!has_story).then_some(key)
}

pub(crate) fn is_json_feed(map: &Map<String, Value>) -> bool {
    map.get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.contains("jsonfeed.org"))
        && map.get("items").is_some_and(Value::is_array)
}

/// The items of a JSON Feed (<https://jsonfeed.org>), HTML content made plain.
fn feed_items(
    mut map: Map<String, Value>,
    name: &str,
) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
    let source = map
        .remove("title")
        .and_then(|t| t.as_str().map(text::one_line));
    let Some(Value::Array(items)) = map.remove("items") else {
        return Vec::new();
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| (Some(i), feed_item(item, name, i, source.as_deref())))
        .collect()
}

pub(crate) fn feed_item(
    item: Value,
    name: &str,
    index: usize,
    source: Option<&str>,
) -> Result<Article, Refusal> {
    let Value::Object(mut map) = item else {
        return Err(format!(
            "feed item should be an object, found {}",
            type_name(&item)
        ));
    };
    let body = match take_string(&mut map, &["content_text"])? {
        Some(t) => t,
        None => {
            let html = take_string(&mut map, &["content_html", "summary"])?;
            html.map(|h| super::html::to_text(&h))
                .ok_or("feed item has no content")?
        }
    };
    map.insert("body".into(), Value::String(body));
    map.remove("text");
    map.remove("content");
    if !map.contains_key("published") {
        if let Some(d) = map.remove("date_published") {
            map.insert("published".into(), d);
        }
    }
    if let Some(a) = map.remove("authors") {
        map.insert("author".into(), a);
    }
    let mut article = article(
        Value::Object(map),
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
        let v: Value = serde_json::from_str(json).expect("test JSON parses");
        article(
            v,
            &Origin {
                name: "t.json",
                position: Some(3),
            },
        )
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
        let v: Value = serde_json::from_str(
            r#"{"status": "ok", "articles": [{"source": {"id": null, "name": "Wire"}, "author": "Ana Lin",
                "title": "T", "content": "Body.", "publishedAt": "2025-01-01"}]}"#,
        )
        .expect("test JSON parses");
        let found = articles(v, "api.json");
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
        let Line(fields) = serde_json::from_str(line).expect("an object");
        let field = |name: &str| {
            let at = FIELDS.iter().position(|f| *f == name).expect("a field");
            fields[at].as_ref()
        };
        assert!(
            matches!(
                field("body"),
                Some(Field::Text(Cow::Borrowed("“Yes,” she said.")))
            ),
            "the plain body is not copied"
        );
        let Some(Field::Text(Cow::Owned(title))) = field("title") else {
            panic!("the escaped title is decoded into its own string");
        };
        assert_eq!(title, "A \"big\" day");
        // The nested object's `body` is not the line's.
        assert!(field("text").is_none() && field("content").is_none());
    }

    /// The JSONL path reads each line as a whole JSON document would be
    /// read: same article, or the same refusal in the same words.
    #[test]
    fn a_line_reads_as_the_same_object_read_whole() {
        let lines = [
            r#"{"id": 12, "title": "Tide", "body": "High water \u00e0 six\ud83d\ude00.\tEnd"}"#,
            r#"{"id": -3.5, "body": "Text", "author": {"name": "Ana Ruiz"}, "source": null}"#,
            r#"{"body": "Text", "authors": [{"name": "A"}, "B", 7], "published": "2024-05-01"}"#,
            r#"{"body": "one", "body": "two", "title": "first", "title": null}"#,
            r#"{"text": "Only text", "dateline": "PORT VELL —", "url": "https:\/\/x.test\/a"}"#,
            r#"{"body": null, "text": "falls back to text"}"#,
            r#"{"id": true, "body": "x"}"#,
            r#"{"id": "a", "body": "x", "title": 5}"#,
            r#"{"body": "x", "published": ["2024"]}"#,
            r#"{"body": {"html": "<p>x</p>"}}"#,
            r#"{"body": "   "}"#,
            r#"{"title": "no text"}"#,
            r#"{}"#,
            r#""just a string""#,
            r#"null"#,
        ];
        let origin = Origin {
            name: "t.jsonl",
            position: Some(4),
        };
        for line in lines {
            let whole = article(serde_json::from_str(line).expect("JSON"), &origin);
            let read = article_from_str(line, &origin).expect("JSON");
            assert_eq!(read, whole, "{line}");
        }
    }

    /// A whole JSON document's articles, as [`articles`] reads them.
    fn doc(text: &str) -> Vec<(Option<usize>, Result<Article, Refusal>)> {
        articles(
            serde_json::from_str(text).expect("test JSON parses"),
            "d.json",
        )
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
