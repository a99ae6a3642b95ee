//! Stable article keys: the same article gets the same key in every run.

use crate::article::Article;

/// The key under which an article's stars and read state are kept.
///
/// In order of preference:
/// - `url:<url>` when the article has a URL;
/// - `id:<id>` when its id was given by the input (a JSON `id`), as opposed to
///   the path a file loader put there;
/// - `fnv1a:<16 hex digits>`, the 64-bit FNV-1a hash of the headline, a NUL
///   byte and the text, so a file keeps its key wherever it is loaded from.
///
/// The hash is fixed (not std's randomly seeded one): keys written by one run
/// are found by the next.
///
/// ```
/// use hearsay::article::Article;
/// let article = Article { text: "Body".into(), ..Article::default() };
/// assert_eq!(hearsay::store::article_key(&article), "fnv1a:985dc1b2523069b7");
/// ```
pub fn article_key(article: &Article) -> String {
    if let Some(url) = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        return format!("url:{url}");
    }
    let id = article.id.trim();
    if is_key(id) {
        // Read back from the cache, whose articles carry their key as id.
        return id.to_string();
    }
    if !id.is_empty() && !looks_like_path(id) {
        return format!("id:{id}");
    }
    let mut hash = Fnv1a::new();
    hash.write(article.title.as_bytes());
    hash.write(&[0]);
    hash.write(article.text.as_bytes());
    format!("fnv1a:{:016x}", hash.finish())
}

/// Whether an id is a key this module made (`id:…`, `fnv1a:` and 16 hex
/// digits): the cache gives its articles their key as id, and an article
/// read back keeps the key it was kept under.
fn is_key(id: &str) -> bool {
    id.strip_prefix("fnv1a:")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        || id
            .strip_prefix("id:")
            .is_some_and(|rest| !rest.trim().is_empty())
}

/// Whether an id is a path a loader made up (`news/a.txt`, `-`, `feed.jsonl:3`)
/// rather than an id the input gave. Paths change with the working folder, so
/// they make poor keys; a content hash is used for those.
fn looks_like_path(id: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "json", "jsonl", "ndjson", "xml", "rss", "atom", "html", "htm",
    ];
    if id == "-" || id.starts_with("-:") || id.contains(['/', '\\']) {
        return true;
    }
    // A line number after the file name (`feed.jsonl:3`, `feed.jsonl#3`)
    // does not make it an id.
    let name = id.rsplit_once([':', '#']).map_or(id, |(name, line)| {
        if line.chars().all(|c| c.is_ascii_digit()) {
            name
        } else {
            id
        }
    });
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// 64-bit FNV-1a: small, fixed and documented, which is all a key needs.
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Self(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fnv(bytes: &[u8]) -> u64 {
        let mut h = Fnv1a::new();
        h.write(bytes);
        h.finish()
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn url_wins_over_id_and_content() {
        let a = Article {
            id: "story-1".into(),
            url: Some(" https://example.org/a ".into()),
            text: "x".into(),
            ..Article::default()
        };
        assert_eq!(article_key(&a), "url:https://example.org/a");
    }

    #[test]
    fn an_input_id_is_kept_but_a_path_is_not() {
        let mut a = Article {
            id: "story-1".into(),
            text: "Same text".into(),
            ..Article::default()
        };
        assert_eq!(article_key(&a), "id:story-1");
        a.id = "news/today.txt".into();
        let from_one_folder = article_key(&a);
        a.id = "../elsewhere/today.txt".into();
        assert_eq!(article_key(&a), from_one_folder);
        assert!(from_one_folder.starts_with("fnv1a:"));
        for path in [
            "-",
            "today.txt",
            "feed.jsonl:12",
            "feed.jsonl#3",
            "C:\\news\\a.md",
        ] {
            a.id = path.into();
            assert_eq!(article_key(&a), from_one_folder, "{path}");
        }
    }

    #[test]
    fn an_article_read_back_under_its_key_keeps_it() {
        let from_file = Article {
            id: "news/a.txt".into(),
            title: "Harbour reopens".into(),
            text: "Boats are back.".into(),
            ..Article::default()
        };
        let from_json = Article {
            id: "story-1".into(),
            ..from_file.clone()
        };
        for kept in [from_file, from_json] {
            let key = article_key(&kept);
            let read_back = Article {
                id: key.clone(),
                ..kept
            };
            assert_eq!(article_key(&read_back), key);
        }
        // Only what this module makes is taken for a key.
        let odd = Article {
            id: "fnv1a:xyz".into(),
            ..Article::default()
        };
        assert_eq!(article_key(&odd), "id:fnv1a:xyz");
    }

    #[test]
    fn different_content_gets_a_different_key() {
        let a = Article {
            title: "Harbour reopens".into(),
            text: "The harbour reopened.".into(),
            ..Article::default()
        };
        let mut b = a.clone();
        b.text.push('!');
        let mut c = a.clone();
        c.title = "Harbour reopens again".into();
        assert_ne!(article_key(&a), article_key(&b));
        assert_ne!(article_key(&a), article_key(&c));
        assert_eq!(article_key(&a), article_key(&a.clone()));
    }
}
