//! `hearsay speakers` over the shared BBC politics folder (third-party news,
//! read at run time, never copied): one identity per person, no roles in
//! names, no common words as speakers.

use std::collections::HashMap;

use hearsay::article::LoadOptions;
use hearsay::cli::Format;

mod shared_support;
use shared_support::shared;

fn speaker_names() -> Option<Vec<String>> {
    let folder = shared("corpus/bbc/politics")?;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let loaded = hearsay::cli::speakers::run(
        &[folder],
        Format::Jsonl,
        false,
        LoadOptions::default(),
        &mut out,
        &mut err,
    )
    .expect("speakers runs");
    assert!(loaded, "{}", String::from_utf8_lossy(&err));
    let names = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON speaker a line");
            v["name"].as_str().expect("a name").to_string()
        })
        .collect();
    Some(names)
}

#[test]
fn bbc_politics_speakers_are_people_once_each() {
    let Some(names) = speaker_names() else {
        return;
    };
    assert!(names.len() > 100, "{} speakers", names.len());
    let mut full_by_surname: HashMap<&str, Vec<&str>> = HashMap::new();
    for n in &names {
        if let Some((_, surname)) = n.rsplit_once(' ') {
            full_by_surname.entry(surname).or_default().push(n);
        }
    }
    let mut problems = Vec::new();
    for n in &names {
        if !n.contains(' ')
            && full_by_surname
                .get(n.as_str())
                .is_some_and(|f| f.len() == 1)
        {
            problems.push(format!(
                "bare surname {n} beside {:?}",
                full_by_surname[n.as_str()]
            ));
        }
        let first = n.split(' ').next().unwrap_or_default();
        let role = [
            "Tory",
            "Conservative",
            "Shadow",
            "MP",
            "Mr",
            "Mr.",
            "Mrs",
            "Ms",
            "Dr",
            "Sir",
            "Lord",
            "Russian",
            "American",
            "British",
            "Rival",
            "Treasury",
        ];
        // Organisations named after a party or nation stay: `Conservative Party`.
        let org = n.rsplit(' ').next().is_some_and(|l| {
            [
                "Party",
                "Association",
                "Office",
                "Council",
                "Committee",
                "Commission",
                "Union",
            ]
            .contains(&l)
        });
        if n.contains(' ') && role.contains(&first) && !org {
            problems.push(format!("{n} starts with a role"));
        }
        let never = [
            "U.S",
            "Plans",
            "Tory",
            "People",
            "Children",
            "PBS",
            "Louvre",
            "MacBook Pro",
            "Academy Award",
        ];
        if never.contains(&n.as_str()) {
            problems.push(format!("{n} is no speaker"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
