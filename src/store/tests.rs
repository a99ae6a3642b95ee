use std::fs;

use rusqlite::Connection;

use super::*;
use crate::article::{Article, Dateline};
use crate::corpus::{Corpus, Entry};

const TEXT: &str = "Harbour reopens\n\
Port Vell, March 3 (Tidewire) – “We will not close the harbour again,” said Ona Brisk. \
“Boats come first,” she added.";

fn entry() -> Entry {
    let body = TEXT.find('\n').unwrap_or(0) + 1;
    let article = Article {
        id: "harbour.txt".into(),
        title: "Harbour reopens".into(),
        text: TEXT.into(),
        body: body..TEXT.len(),
        dateline: Some(Dateline {
            span: body..body + 31,
            place: "Port Vell".into(),
            date: Some("March 3".into()),
            source: Some("Tidewire".into()),
        }),
        ..Article::default()
    };
    Entry::new(article)
}

fn star_of(entry: &Entry, quote: usize) -> StarredQuote {
    StarredQuote::new(entry, &entry.quotes[quote], Some("Ona Brisk"))
}

#[test]
fn a_star_keeps_its_snapshot_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let e = entry();
    let star = star_of(&e, 0);
    assert_eq!(star.quote, "“We will not close the harbour again,”");
    assert_eq!(star.source.as_deref(), Some("Tidewire"));
    assert_eq!(star.date.as_deref(), Some("March 3"));
    {
        let store = Store::open(dir.path()).unwrap();
        store.star(&star).unwrap();
        assert!(store.is_starred(&star.key()).unwrap());
        assert!(!store.is_starred(&star_of(&e, 1).key()).unwrap());
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.starred().unwrap(), std::slice::from_ref(&star));
    assert_eq!(store.starred_keys().unwrap(), HashSet::from([star.key()]));
    assert!(store.unstar(&star.key()).unwrap());
    assert!(!store.unstar(&star.key()).unwrap());
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.starred().unwrap().is_empty());
    assert!(!store.is_starred(&star.key()).unwrap());
}

#[test]
fn toggling_a_star_flips_it() {
    let store = Store::in_memory().unwrap();
    let star = star_of(&entry(), 0);
    assert!(store.toggle_star(&star).unwrap());
    assert!(store.is_starred(&star.key()).unwrap());
    assert!(!store.toggle_star(&star).unwrap());
    assert!(!store.is_starred(&star.key()).unwrap());
    assert!(store.starred().unwrap().is_empty());
}

#[test]
fn starring_again_refreshes_the_snapshot_but_keeps_the_first_time() {
    let store = Store::in_memory().unwrap();
    let e = entry();
    let mut first = star_of(&e, 0);
    first.starred_at = 100;
    let mut second = star_of(&e, 1);
    second.starred_at = 50;
    store.star(&first).unwrap();
    store.star(&second).unwrap();
    let mut again = first.clone();
    again.starred_at = 300;
    again.headline = "Harbour reopens, updated".into();
    store.star(&again).unwrap();
    let starred = store.starred().unwrap();
    assert_eq!(starred.len(), 2);
    assert_eq!(starred[0], second, "oldest star first");
    assert_eq!(starred[1].headline, "Harbour reopens, updated");
    assert_eq!(starred[1].starred_at, 100);
}

#[test]
fn read_state_round_trips_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert!(!store.is_read("id:a").unwrap());
        store.set_read("id:a", true).unwrap();
        store.set_read("id:a", true).unwrap();
        store.set_read("id:b", true).unwrap();
        store.set_read("id:b", false).unwrap();
        store.set_read("id:c", false).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.is_read("id:a").unwrap());
    assert!(!store.is_read("id:b").unwrap());
    assert_eq!(store.read_keys().unwrap(), HashSet::from(["id:a".into()]));
}

#[test]
fn the_database_uses_write_ahead_logging() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(store.persistence(), Persistence::Disk);
    assert_eq!(store.path(), Some(dir.path().join(DB_FILE).as_path()));
}

#[test]
fn an_empty_file_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(DB_FILE), b"").unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(schema::version(&store.conn).unwrap(), schema::VERSION);
    store.set_read("id:a", true).unwrap();
}

#[test]
fn a_version_one_database_keeps_its_stars_when_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let star = star_of(&entry(), 0);
    {
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 1).unwrap();
        assert_eq!(schema::version(&conn).unwrap(), 1);
        let no_read_table = conn.execute("DELETE FROM read_articles", []);
        assert!(no_read_table.is_err(), "version 1 has no read state");
        conn.execute(
            "INSERT INTO stars VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                star.article_key,
                star.start,
                star.end,
                star.quote,
                star.speaker,
                star.headline,
                star.source,
                star.date,
                star.url,
                star.starred_at
            ],
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(schema::version(&store.conn).unwrap(), schema::VERSION);
    assert_eq!(store.starred().unwrap(), [star]);
    store.set_read("id:a", true).unwrap();
    assert!(store.is_read("id:a").unwrap());
}

#[test]
fn a_database_from_a_newer_hearsay_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", schema::VERSION + 1)
        .unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    let (store, message) = Store::open_or_recover(dir.path());
    assert_eq!(store.persistence(), Persistence::Memory);
    assert!(message.unwrap().contains("schema version"));
    let version: u32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::VERSION + 1, "the file is untouched");
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("hearsay.db.corrupt-") && !n.ends_with("-wal"))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_garbage_file_is_reported_backed_up_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 13) as u8).collect();
    fs::write(dir.path().join(DB_FILE), &garbage).unwrap();

    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");

    let (store, message) = Store::open_or_recover(dir.path());
    let message = message.expect("the user is told");
    let backups = backups(dir.path());
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        fs::read(&backups[0]).unwrap(),
        garbage,
        "backup kept as it was"
    );
    let backup_name = backups[0].file_name().unwrap().to_str().unwrap();
    assert!(message.contains(backup_name), "{message}");
    assert!(message.contains("damaged"), "{message}");

    assert_eq!(store.persistence(), Persistence::Disk);
    let star = star_of(&entry(), 1);
    store.star(&star).unwrap();
    drop(store);
    let (store, message) = Store::open_or_recover(dir.path());
    assert_eq!(message, None);
    assert_eq!(store.starred().unwrap(), [star]);
}

#[test]
fn damage_inside_a_valid_database_is_caught_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let e = entry();
        for i in 0..200 {
            let mut star = star_of(&e, 0);
            star.article_key = format!("id:{i}");
            star.headline = "x".repeat(200);
            store.star(&star).unwrap();
        }
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let path = dir.path().join(DB_FILE);
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 4 * 4096, "several pages: {}", bytes.len());
    // Leave page 1 (the header and schema) whole; scramble the table's pages.
    for b in &mut bytes[4096 + 100..3 * 4096] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    fs::write(&path, &bytes).unwrap();

    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    let (store, message) = Store::open_or_recover(dir.path());
    assert!(message.is_some());
    assert_eq!(backups(dir.path()).len(), 1);
    assert!(store.starred().unwrap().is_empty());
}

#[test]
fn a_busy_writer_elsewhere_makes_a_star_fail_loudly_not_vanish() {
    let dir = tempfile::tempdir().unwrap();
    let star = star_of(&entry(), 0);
    let store = Store::open(dir.path()).unwrap();
    store.star(&star).unwrap();
    // Another hearsay in the middle of a long write.
    let other = Connection::open(dir.path().join(DB_FILE)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other.execute("DELETE FROM read_articles", []).unwrap();

    let mut second = star.clone();
    second.start += 1;
    let err = store.star(&second).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert_eq!(
        store.starred().unwrap(),
        std::slice::from_ref(&star),
        "reads still work"
    );
    other.execute_batch("COMMIT").unwrap();
    store.star(&second).unwrap();
    assert_eq!(store.starred().unwrap().len(), 2);
}

/// A database in rollback-journal mode whose file another program has
/// reserved for writing: it cannot be switched to WAL, but it can be read.
#[test]
fn a_locked_database_opens_read_only_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let star = star_of(&entry(), 0);
    let path = dir.path().join(DB_FILE);
    let mut other = Connection::open(&path).unwrap();
    schema::migrate(&mut other).unwrap();
    other
        .execute(
            "INSERT INTO stars VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                star.article_key,
                star.start,
                star.end,
                star.quote,
                star.speaker,
                star.headline,
                star.source,
                star.date,
                star.url,
                star.starred_at
            ],
        )
        .unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other.execute("DELETE FROM read_articles", []).unwrap();

    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    let (store, message) = Store::open_or_recover(dir.path());
    let message = message.expect("the user is told");
    assert!(message.contains("locked"), "{message}");
    assert_eq!(store.persistence(), Persistence::ReadOnly, "{message}");
    assert_eq!(store.starred().unwrap(), std::slice::from_ref(&star));
    let mut second = star.clone();
    second.start += 1;
    assert!(matches!(store.star(&second), Err(StoreError::ReadOnly)));
    assert!(matches!(
        store.unstar(&star.key()),
        Err(StoreError::ReadOnly)
    ));
    assert!(matches!(
        store.set_read("id:a", true),
        Err(StoreError::ReadOnly)
    ));
    other.execute_batch("COMMIT").unwrap();
    assert!(backups(dir.path()).is_empty());
}

#[test]
fn a_database_held_exclusively_falls_back_to_memory() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let other = Connection::open(dir.path().join(DB_FILE)).unwrap();
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    other.execute("DELETE FROM read_articles", []).unwrap();

    let (store, message) = Store::open_or_recover(dir.path());
    let message = message.expect("the user is told");
    assert!(message.contains("locked"), "{message}");
    assert!(message.contains("will not be kept"), "{message}");
    assert_eq!(store.persistence(), Persistence::Memory);
    assert!(
        backups(dir.path()).is_empty(),
        "a locked file is not damaged"
    );
    other.execute_batch("COMMIT").unwrap();
}

#[test]
fn an_unusable_data_folder_falls_back_to_memory_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    fs::write(&not_a_folder, b"x").unwrap();
    let (store, message) = Store::open_or_recover(&not_a_folder);
    let message = message.expect("the user is told");
    assert!(message.contains("will not be kept"), "{message}");
    assert_eq!(store.persistence(), Persistence::Memory);
    assert_eq!(store.path(), None);
    let star = star_of(&entry(), 0);
    store.star(&star).unwrap();
    assert_eq!(store.starred().unwrap(), [star]);
}

#[test]
fn the_data_folder_flag_beats_the_environment_which_beats_the_platform() {
    let flag = Path::new("/flag");
    let env = Some(PathBuf::from("/env"));
    assert_eq!(data_dir_from(Some(flag), env.clone()), flag);
    assert_eq!(data_dir_from(None, env), Path::new("/env"));
    let platform = data_dir_from(None, None);
    assert_eq!(data_dir_from(None, Some(PathBuf::new())), platform);
    let last = platform.file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert!(last.ends_with("hearsay"), "{}", platform.display());
}

#[test]
fn a_star_from_the_corpus_carries_the_corpus_wide_speaker() {
    let mut e = entry();
    e.quotes[0].speaker = Some("Ona Brisk".into());
    e.quotes[1].speaker = Some("Ona B. Brisk".into());
    let corpus = Corpus::from_entries(vec![e]);
    let star = StarredQuote::from_corpus(&corpus, 0, 1).unwrap();
    assert_eq!(star.quote, "“Boats come first,”");
    assert_eq!(
        star.speaker.as_deref(),
        Some(corpus.speakers[0].name.as_str())
    );
    assert!(StarredQuote::from_corpus(&corpus, 0, 2).is_none());
    assert!(StarredQuote::from_corpus(&corpus, 1, 0).is_none());
}

#[test]
fn read_only_opening_wants_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    schema::migrate_to(&mut conn, 1).unwrap();
    let err = Store::open_read_only(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::Outdated { found: 1, .. }),
        "{err}"
    );
    schema::migrate(&mut conn).unwrap();
    let store = Store::open_read_only(dir.path()).unwrap();
    assert_eq!(store.persistence(), Persistence::ReadOnly);
    assert!(store.starred().unwrap().is_empty());
}

#[test]
fn a_version_two_database_gains_the_cache_and_keeps_its_stars_and_read_marks() {
    let dir = tempfile::tempdir().unwrap();
    let star = star_of(&entry(), 0);
    {
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        schema::migrate_to(&mut conn, 2).unwrap();
        assert!(
            conn.execute("DELETE FROM articles", []).is_err(),
            "no cache in version 2"
        );
    }
    {
        // Written by the version-2 code paths, which this build still has.
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        schema::migrate_to(&mut conn, 2).unwrap();
        let store = Store {
            conn,
            path: None,
            persistence: Persistence::Disk,
        };
        store.star(&star).unwrap();
        store.set_read("id:a", true).unwrap();
    }
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(schema::version(&store.conn).unwrap(), schema::VERSION);
    assert_eq!(store.starred().unwrap(), [star]);
    assert!(store.is_read("id:a").unwrap());
    let e = entry();
    let kept = store
        .keep(&[Keep {
            article: &e.article,
            speakers: &["Ona Brisk".to_string()],
            feed: None,
            guid: None,
        }])
        .unwrap();
    assert_eq!(kept.added, 1);
    assert_eq!(store.search("harbour", 5).unwrap().len(), 1);
}

#[test]
fn a_fetcher_and_a_reader_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let path = dir.path().to_path_buf();
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&path).unwrap();
        for i in 0..200 {
            let a = Article {
                id: format!("id-{i}"),
                title: format!("Story {i}"),
                text: format!("Story {i}\n\nThe tide turned at berth {i}."),
                ..Article::default()
            };
            store
                .keep(&[Keep {
                    article: &a,
                    speakers: &[],
                    feed: Some("Tidewire"),
                    guid: Some(&format!("g{i}")),
                }])
                .unwrap();
        }
    });
    let reader = Store::open(dir.path()).unwrap();
    let e = entry();
    let mut stars = 0;
    while !writer.is_finished() || stars < 50 {
        let mut s = star_of(&e, 0);
        s.start = stars;
        s.end = stars + 1;
        reader.star(&s).unwrap();
        stars += 1;
        reader.search("tide", 3).unwrap();
    }
    writer.join().unwrap();
    assert_eq!(reader.cached_count().unwrap(), 200);
    assert_eq!(reader.starred().unwrap().len(), stars);
    assert_eq!(reader.search("berth", 500).unwrap().len(), 200);
}

#[test]
fn a_full_text_replaces_the_kept_summary_and_its_index_but_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let summary = Article {
        id: "g1".into(),
        title: "Bridge vote".into(),
        text: "The council put off the vote.".into(),
        body: 0..29,
        url: Some("https://news.example.org/bridge".into()),
        ..Article::default()
    };
    let keep = Keep {
        article: &summary,
        speakers: &[],
        feed: Some("Bay Courier"),
        guid: None,
    };
    store.keep(&[keep]).unwrap();
    let key = article_key(&summary);
    let text = "“We will build it,” said Ana Ruiz at the quayside.";
    let full = Article {
        text: text.into(),
        body: 0..text.len(),
        ..summary.clone()
    };
    let speakers = ["Ana Ruiz".to_string()];
    assert!(store.replace_text(&key, &full, &speakers).unwrap());
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let cached = store.cached(5).unwrap();
    assert_eq!(cached.len(), 1);
    assert_eq!(cached[0].article.text, text);
    assert_eq!(cached[0].article.title, "Bridge vote");
    assert_eq!(cached[0].speakers, speakers);
    assert_eq!(cached[0].feed.as_deref(), Some("Bay Courier"));
    assert_eq!(store.search("quayside", 5).unwrap().len(), 1);
    assert!(store.search("council", 5).unwrap().is_empty());
    // One the cache does not hold is not added.
    assert!(
        !store
            .replace_text("url:elsewhere", &full, &speakers)
            .unwrap()
    );
    assert_eq!(store.cached_count().unwrap(), 1);
}

#[test]
fn several_hearsays_opening_a_fresh_folder_at_once_all_get_it_on_disk() {
    // At start the reader, its cache loader and a refresh each open the
    // collection; on a folder never used before they race to create it.
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let dir = dir.path().to_path_buf();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    let (store, message) = Store::open_or_recover(&dir);
                    (store.persistence(), message)
                })
            })
            .collect();
        for t in threads {
            let (persistence, message) = t.join().unwrap();
            assert_eq!(
                (persistence, message),
                (Persistence::Disk, None),
                "round {round}"
            );
        }
    }
}

/// Articles whose words begin alike (s, st, sto…), with speakers and a feed.
fn varied(n: usize) -> Vec<(Article, Vec<String>)> {
    const WORDS: &[&str] = &[
        "storm", "story", "stone", "strike", "school", "salt", "tide", "tidal", "harbour", "harp",
        "ferry", "fares", "ßtraße", "Ōsaka", "vote",
    ];
    (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..8)
                .map(|k| WORDS[(i * 7 + k * k * 3) % WORDS.len()])
                .collect();
            let text = format!("Note {i} on the {}. {}.", words[0], words.join(" "));
            let article = Article {
                id: format!("v-{i}"),
                title: format!("Note {i}"),
                body: 0..text.len(),
                text,
                ..Article::default()
            };
            let speaker = ["Ana Ruiz", "Sol Tide", "Bo Lindqvist"][i % 3];
            (article, vec![speaker.to_string()])
        })
        .collect()
}

fn keep_varied(store: &mut Store, articles: &[(Article, Vec<String>)]) {
    let keeps: Vec<Keep<'_>> = (articles.iter())
        .map(|(a, s)| Keep {
            article: a,
            speakers: s,
            feed: Some("Shore Wire"),
            guid: None,
        })
        .collect();
    store.keep(&keeps).unwrap();
}

/// Queries that meet the prefix indexes (1, 2 and 3 characters), the
/// words past them, several words and the column filters.
const PREFIX_QUERIES: &[&str] = &[
    "s",
    "st",
    "sto",
    "stor",
    "story",
    "t",
    "ti",
    "tid",
    "h",
    "ha",
    "f",
    "o",
    "ō",
    "str",
    "note 1",
    "storm s",
    "storm st",
    "speaker:ruiz s",
    "speaker:\"Sol Tide\" ti",
    "feed:shore st",
    "s ",
    "ti ha",
    "\"salt tide\" s",
];

fn search_all(store: &Store) -> Vec<Vec<Hit>> {
    let mut all = Vec::new();
    for q in PREFIX_QUERIES {
        all.push(store.search(q, 50).unwrap());
        let keys: Vec<String> = all
            .last()
            .unwrap()
            .iter()
            .map(|h| h.article_key.clone())
            .collect();
        assert_eq!(store.search_keys(q, 50).unwrap(), keys, "{q}");
    }
    all
}

/// A store at schema version 4: the full-text index without prefix indexes.
fn version_four(conn: Connection) -> Store {
    Store {
        conn,
        path: None,
        persistence: Persistence::Memory,
    }
}

fn fts_sql(store: &Store) -> String {
    store
        .conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn index_matches_articles(store: &Store) {
    store
        .conn
        .execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
}

#[test]
fn the_prefix_indexes_change_no_hit_and_no_order() {
    let articles = varied(300);
    let mut conn = Connection::open_in_memory().unwrap();
    schema::migrate_to(&mut conn, 4).unwrap();
    let mut without = version_four(conn);
    assert!(!fts_sql(&without).contains("prefix"));
    keep_varied(&mut without, &articles);
    let mut with = Store::in_memory().unwrap();
    assert!(
        fts_sql(&with).contains("prefix = '1 2 3'"),
        "{}",
        fts_sql(&with)
    );
    keep_varied(&mut with, &articles);
    let (a, b) = (search_all(&without), search_all(&with));
    assert!(
        a.iter().filter(|hits| hits.len() >= 20).count() >= 10,
        "{a:?}"
    );
    assert!(
        a.iter().any(|hits| hits.is_empty()),
        "\"s \" matches no word"
    );
    for ((q, a), b) in PREFIX_QUERIES.iter().zip(&a).zip(&b) {
        assert_eq!(a, b, "{q}");
    }
    index_matches_articles(&with);
}

#[test]
fn a_version_four_cache_opens_keeps_its_articles_and_stars_and_searches_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let star = star_of(&entry(), 0);
    let articles = varied(200);
    let before = {
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        schema::migrate_to(&mut conn, 4).unwrap();
        let mut store = version_four(conn);
        keep_varied(&mut store, &articles);
        store.star(&star).unwrap();
        store.set_read("id:v-3", true).unwrap();
        search_all(&store)
    };
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(schema::version(&store.conn).unwrap(), schema::VERSION);
    assert!(
        !reindex::pending(&store.conn).unwrap(),
        "a cache of one batch is filled on opening"
    );
    assert!(fts_sql(&store).contains("prefix"));
    assert_eq!(store.cached_count().unwrap(), 200);
    assert_eq!(store.starred().unwrap(), [star]);
    assert!(store.is_read("id:v-3").unwrap());
    assert_eq!(search_all(&store), before);
    index_matches_articles(&store);
}

#[test]
fn changes_while_the_index_is_filled_reach_it() {
    let mut conn = Connection::open_in_memory().unwrap();
    schema::migrate_to(&mut conn, 4).unwrap();
    let mut store = version_four(conn);
    let articles = varied(120);
    keep_varied(&mut store, &articles[..100]);
    schema::migrate(&mut store.conn).unwrap();
    assert!(!reindex::fill(&mut store.conn, 30).unwrap());
    assert!(!reindex::fill(&mut store.conn, 30).unwrap());
    // Half is filled: a keep, a changed text on either side of the line,
    // and retention (every article is as old).
    keep_varied(&mut store, &articles[100..]);
    for (i, word) in [(5, "ōtaru"), (80, "sturgeon")] {
        let (a, speakers) = &articles[i];
        let text = format!("{} and a {word}", a.text);
        let changed = Article {
            body: 0..text.len(),
            text,
            ..a.clone()
        };
        assert!(
            store
                .replace_text(&article_key(a), &changed, speakers)
                .unwrap()
        );
    }
    // The old index serves searches meanwhile, complete.
    assert_eq!(store.search("sturg", 5).unwrap().len(), 1);
    let during = search_all(&store);
    assert_eq!(during[0].len(), 50, "s: as many as asked");
    let mut steps = 0;
    while !reindex::fill(&mut store.conn, 30).unwrap() {
        steps += 1;
    }
    assert_eq!(
        steps, 1,
        "60 filled, 60 left, 30 a batch: one more, then done"
    );
    assert!(!reindex::pending(&store.conn).unwrap());
    assert!(fts_sql(&store).contains("prefix"));
    index_matches_articles(&store);
    assert_eq!(search_all(&store), during);
    assert_eq!(store.search("ōta", 5).unwrap().len(), 1);
    // The triggers follow the new index.
    assert_eq!(store.drop_cached_before(i64::MAX).unwrap(), 120);
    assert!(store.search("s", 5).unwrap().is_empty());
    index_matches_articles(&store);
}

#[test]
fn a_large_cache_is_filled_after_opening_on_a_thread_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let articles = varied(reindex::BATCH + 300);
    let before = {
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        schema::migrate_to(&mut conn, 4).unwrap();
        let mut store = version_four(conn);
        keep_varied(&mut store, &articles);
        search_all(&store)
    };
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        search_all(&store),
        before,
        "the old index, whatever the filler's progress"
    );
    // Waits for the filler; the bound only keeps a broken filler from
    // hanging the suite.
    let mut waits = 0;
    while reindex::pending(&store.conn).unwrap() && waits < 6000 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        waits += 1;
    }
    assert!(
        !reindex::pending(&store.conn).unwrap(),
        "filled in the background"
    );
    assert!(fts_sql(&store).contains("prefix"));
    assert_eq!(search_all(&store), before);
    index_matches_articles(&store);
}
