//! The `folio` binary as a user runs it: the streaming extractor and `folio build`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn folio() -> Command {
    Command::new(env!("CARGO_BIN_EXE_folio"))
}

#[test]
fn jsonl_streams_one_extraction_per_line_and_names_bad_lines() {
    let input = [
        r#"{"id":"a","text":"President Ana Lima said on Monday that \"the port will reopen\" in Varna."}"#,
        r#"{"id":"b","html":"<html><body><article><p>Ferries returned to Varna on Tuesday after the storm, officials said.</p></article></body></html>","published":"2024-03-02"}"#,
        "not json",
        r#"{"id":"c"}"#,
        r#"{"id":"d","text":"x","outlett":"typo"}"#,
    ]
    .join("\n");
    let mut child = folio()
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success(), "bad lines make the exit status 1");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one line out per line in, in order");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Ana Lima");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["published"], "2024-03-02");
    assert!(lines[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("Ferries returned"));
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[3]["error"].as_str().unwrap().contains("exactly one"));
    assert!(lines[4]["error"].as_str().unwrap().contains("outlett"));
}

/// A stand-in for `trunk build`'s output: what `folio build` copies and reads.
fn fake_app(dir: &Path) {
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        r#"<html><head><title>Folio</title><link rel="stylesheet" href="./main-1.css"/><link rel="modulepreload" href="./folio-app-1.js"><link rel="preload" href="./folio-app-1_bg.wasm" as="fetch" type="application/wasm"></head></html>"#,
    )
    .unwrap();
    std::fs::write(dir.join("main-1.css"), "body{}").unwrap();
    std::fs::write(dir.join("folio-app-1.js"), "export function f() {}\nasync function __wbg_init() {}\nexport { __wbg_init as default };\n").unwrap();
    std::fs::write(dir.join("folio-app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("assets/world.svg"), "<svg></svg>").unwrap();
    std::fs::write(dir.join("corpus.json"), "{\"stale\":true}").unwrap();
    // The preload a sharded site swaps for its marker (as in index.html).
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap().replace(
        "</head>",
        r#"<link rel="preload" href="./corpus.json" as="fetch" crossorigin="anonymous" /></head>"#,
    );
    std::fs::write(dir.join("index.html"), page).unwrap();
}

#[test]
fn build_writes_a_site_of_the_folder_with_its_own_corpus_and_one_file_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, articles, site) = (
        tmp.path().join("dist"),
        tmp.path().join("articles"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("one.txt"),
        "The harbour of Varna reopened on Monday, the port authority said.",
    )
    .unwrap();
    std::fs::write(articles.join("two.html"), "<html><body><article><p>Ferries returned to Varna on Tuesday after the storm.</p></article></body></html>").unwrap();
    std::fs::write(articles.join("bad.txt"), b"\0\x01\x02binary").unwrap();
    let out = folio()
        .args(["build"])
        .arg(&articles)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .args(["--title", "Harbour <news>"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a bad file gives exit status 1: {stderr}"
    );
    assert!(
        stderr.contains("bad.txt"),
        "the bad file is named: {stderr}"
    );
    assert!(stderr.contains("2 articles"), "{stderr}");
    let corpus: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("corpus.json")).unwrap()).unwrap();
    assert_eq!(corpus["format"], "folio-bundle");
    assert_eq!(corpus["articles"].as_array().unwrap().len(), 2);
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<title>Harbour &lt;news&gt;</title>"));
    assert!(site.join("assets/world.svg").is_file() && site.join("folio-app-1_bg.wasm").is_file());
    let one = std::fs::read_to_string(site.join("folio.html")).unwrap();
    assert!(
        one.contains("Ferries returned to Varna"),
        "the one-file copy carries the corpus"
    );
    assert!(!one.contains("export function"));
}

#[test]
fn build_shards_on_request_and_gives_every_article_the_default_outlet() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let (app, articles, site) = (
        tmp.path().join("dist"),
        tmp.path().join("articles"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&articles).unwrap();
    for (i, town) in ["Varna", "Burgas", "Sozopol"].iter().enumerate() {
        std::fs::write(
            articles.join(format!("a{i}.txt")),
            format!("The harbour of {town} reopened on Monday, the port authority said."),
        )
        .unwrap();
    }
    let out = folio()
        .args(["build"])
        .arg(&articles)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .args(["--shards", "always", "--outlet", "Coast Herald"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("sharded index"), "{stderr}");
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains(r#"<meta name="folio-shards" content="shards/manifest.json" />"#));
    assert!(
        !page.contains("corpus.json"),
        "no preload of a corpus that is not there"
    );
    assert!(!site.join("corpus.json").exists() && !site.join("folio.html").exists());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("shards/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["articles"], 3);
    // Shard files are gzip, and a record carries the default outlet.
    let mut record = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(site.join("shards/rec/0/0.json.gz")).unwrap())
        .read_to_string(&mut record)
        .unwrap();
    let record: serde_json::Value = serde_json::from_str(&record).unwrap();
    assert_eq!(record["outlet"], "Coast Herald");
    let bad = folio()
        .args(["build"])
        .arg(&articles)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .args(["--shards", "sometimes"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("auto, always or never"));
}

#[test]
fn rebuilding_a_site_removes_what_the_last_build_wrote_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, articles, site) = (
        tmp.path().join("dist"),
        tmp.path().join("articles"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("one.txt"),
        "The harbour of Varna reopened on Monday, the port authority said.",
    )
    .unwrap();
    let build = |shards: &str| {
        let out = folio()
            .args(["build"])
            .arg(&articles)
            .arg("--out")
            .arg(&site)
            .arg("--app")
            .arg(&app)
            .args(["--shards", shards])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    build("never");
    std::fs::write(site.join("CNAME"), "news.example.org").unwrap();
    // A new app build: its files carry another hash.
    for (old, new) in [
        ("folio-app-1.js", "folio-app-2.js"),
        ("folio-app-1_bg.wasm", "folio-app-2_bg.wasm"),
    ] {
        std::fs::rename(app.join(old), app.join(new)).unwrap();
    }
    let page = std::fs::read_to_string(app.join("index.html"))
        .unwrap()
        .replace("folio-app-1", "folio-app-2");
    std::fs::write(app.join("index.html"), page).unwrap();
    build("always");
    assert!(site.join("folio-app-2_bg.wasm").is_file());
    assert!(
        !site.join("folio-app-1_bg.wasm").exists() && !site.join("folio-app-1.js").exists(),
        "the last app build's files are gone"
    );
    assert!(
        !site.join("corpus.json").exists() && !site.join("folio.html").exists(),
        "a sharded site keeps no stale whole corpus"
    );
    assert!(site.join("shards/manifest.json").is_file());
    assert_eq!(
        std::fs::read_to_string(site.join("CNAME")).unwrap(),
        "news.example.org",
        "a file the build did not write stays"
    );
    build("never");
    assert!(!site.join("shards").exists(), "no stale shards");
    assert!(site.join("corpus.json").is_file() && site.join("folio.html").is_file());
    assert!(site.join("CNAME").is_file());
}

#[test]
fn build_reads_jsonl_articles_in_line_order_across_batches_and_names_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, articles, site) = (
        tmp.path().join("dist"),
        tmp.path().join("articles"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&articles).unwrap();
    // More lines than one hand-out batch, with ids that sort the other way, so
    // an order that followed thread timing or sorted ids would show.
    let mut lines: Vec<String> = (0..150)
        .rev()
        .map(|i| {
            format!(
                r#"{{"id":"n{i:03}","text":"Ferry {i} left the harbour of Varna on Monday, the port authority said.","published":"2024-03-{:02}"}}"#,
                1 + i % 28
            )
        })
        .collect();
    lines.insert(7, "not json".to_string());
    lines.insert(9, String::new());
    std::fs::write(articles.join("feed.jsonl"), lines.join("\n")).unwrap();
    std::fs::write(
        articles.join("zz.txt"),
        "The harbour of Burgas reopened on Tuesday.",
    )
    .unwrap();
    let build = |input: &Path| {
        folio()
            .args(["build"])
            .arg(input)
            .arg("--out")
            .arg(&site)
            .arg("--app")
            .arg(&app)
            .output()
            .unwrap()
    };
    let ids = || -> Vec<String> {
        let corpus: serde_json::Value =
            serde_json::from_slice(&std::fs::read(site.join("corpus.json")).unwrap()).unwrap();
        corpus["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let want: Vec<String> = (0..150).rev().map(|i| format!("n{i:03}")).collect();

    // The folder: the JSON-lines file's articles, then the text file's.
    let out = build(&articles);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a bad line gives exit status 1");
    assert!(
        stderr.contains("feed.jsonl line 8:"),
        "the bad line is named by number: {stderr}"
    );
    assert!(stderr.contains("151 articles"), "{stderr}");
    let mut with_text = want.clone();
    with_text.push("zz".to_string());
    assert_eq!(ids(), with_text);

    // The file on its own.
    let out = build(&articles.join("feed.jsonl"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("150 articles"));
    assert_eq!(ids(), want);
    let corpus: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("corpus.json")).unwrap()).unwrap();
    assert_eq!(corpus["articles"][0]["published"], "2024-03-10");

    // Anything else is refused with a message.
    let out = build(&articles.join("zz.txt"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("a .jsonl file of them, nor a Folio bundle")
    );
}

/// Issue #21: a library exported from the app (a Folio bundle, `.json`) is read
/// by `build`, `extract`, `search` and `bundle` — it used to build into an
/// empty site with exit status 0 — and a bundle built from that site's
/// corpus holds the same articles (the round trip).
#[test]
fn an_exported_library_builds_into_a_site_and_round_trips_through_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, export, site) = (
        tmp.path().join("dist"),
        tmp.path().join("export"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&export).unwrap();
    let library = export.join("folio-library.json");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let made = folio()
        .arg("bundle")
        .arg(&corpus)
        .arg("--out")
        .arg(&library)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&library).unwrap()).unwrap();
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&exported).len(), 5);

    let out = folio()
        .arg("build")
        .arg(&export)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("5 articles"), "{stderr}");
    let built: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("corpus.json")).unwrap()).unwrap();
    assert_eq!(
        ids(&built),
        ids(&exported),
        "the site holds the library's articles"
    );
    assert_eq!(
        built["articles"], exported["articles"],
        "articles unchanged"
    );

    // The site's corpus is itself a bundle: it reads back as the same library.
    let again = tmp.path().join("again.json");
    let out = folio()
        .arg("bundle")
        .arg(site.join("corpus.json"))
        .arg("--out")
        .arg(&again)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&library).unwrap()
    );

    // extract and search read it too.
    let out = folio()
        .args(["extract", "--json"])
        .arg(&library)
        .output()
        .unwrap();
    let extracted: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&extracted), ids(&exported));
    let out = folio()
        .args(["search", "--json", "--corpus"])
        .arg(&export)
        .arg("Lyman")
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");
}

/// Issue #21: every file of a folder that is not read is named with the
/// reason; a sidecar beside its article is read, not reported; two files of
/// one name both stay.
#[test]
fn files_the_cli_does_not_read_are_named_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mixed");
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(dir.join("a.txt"), "The port of Varna reopened on Monday.").unwrap();
    std::fs::write(dir.join("a.meta.json"), r#"{"published": "2024-05-06"}"#).unwrap();
    std::fs::write(dir.join("a.md"), "Ferries returned to Burgas on Tuesday.").unwrap();
    std::fs::write(
        dir.join("lonely.meta.json"),
        r#"{"published": "2024-05-06"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("photo.jpg"), b"\xff\xd8\xff").unwrap();
    std::fs::write(dir.join("package.json"), r#"{"name": "x"}"#).unwrap();
    let out = folio()
        .args(["extract", "--json"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, why) in [
        ("photo.jpg", "not an article"),
        ("lonely.meta.json", "metadata with no article"),
        ("nested", "a folder"),
        ("package.json", "not a valid Folio bundle"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file} reported as {why:?}: {stderr}"
        );
    }
    assert!(
        !stderr.contains("a.meta.json"),
        "a sidecar with its article is read: {stderr}"
    );
    assert!(stderr.contains("kept as \"a-2\""), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "a bad bundle is a failure");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2, "both files of one name stay");
    let dated = articles.iter().find(|a| a["file"] == "a.txt").unwrap();
    assert_eq!(dated["published"], "2024-05-06", "the sidecar was read");
}

/// Issue #21: a build or a bundle of nothing is an error that says so, and
/// writes nothing (it used to write an empty site and exit 0).
#[test]
fn a_build_or_bundle_of_no_articles_is_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, empty, site) = (
        tmp.path().join("dist"),
        tmp.path().join("empty"),
        tmp.path().join("site"),
    );
    fake_app(&app);
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("notes.log"), "not an article").unwrap();
    let out = folio()
        .arg("build")
        .arg(&empty)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no articles to build"), "{stderr}");
    assert!(
        stderr.contains("notes.log"),
        "the skipped file is named: {stderr}"
    );
    assert!(!site.exists(), "nothing written");
    let bundle = tmp.path().join("b.json");
    let out = folio()
        .arg("bundle")
        .arg(&empty)
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles to bundle"));
    assert!(!bundle.exists());
}

/// `folio claims --json` (issue #18): the corpus's figures grouped by measure,
/// each with its article, source and period; without `--all` only measures
/// that more than one article reports.
#[test]
fn claims_groups_the_figures_several_articles_report() {
    let dir = std::env::temp_dir().join(format!("folio-claims-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Floods hit Valdoria. At least 40 people died in the last week, the interior ministry said.",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Health Minister Anna Kerros said 52 people were killed. The river rose 3 metres.",
    )
    .unwrap();
    let out = folio()
        .args(["claims", "--json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let groups: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(groups.len(), 1, "the metres are one article's: {groups:?}");
    assert_eq!(groups[0]["measure"], "people");
    assert_eq!(groups[0]["differ"], true);
    let sources: Vec<&str> = groups[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(sources, ["the interior ministry", "Anna Kerros"]);
    let all = folio()
        .args(["claims", "--json", "--all"])
        .arg(&dir)
        .output()
        .unwrap();
    let all: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(all.len(), 2);
    let text = folio().arg("claims").arg(&dir).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("people: 2 figures in 2 articles, values differ: 40 to 52"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Guards `--corrections FILE` on `folio bundle` and `folio build`: the
/// corrections file the app downloads is applied after the merge, the bundle
/// written carries it (so a later build applies it again), a correction whose
/// target is missing is named on stderr, and the sharded site's entity pages
/// and search show the corrected corpus.
#[test]
fn corrections_by_hand_are_applied_by_bundle_and_build_and_travel_in_the_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, articles) = (tmp.path().join("dist"), tmp.path().join("articles"));
    fake_app(&app);
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("one.txt"),
        "Getting Disney met Mayor Ana Lima in Varna on Monday. \
         \u{201c}The port reopens,\u{201d} Lima said.",
    )
    .unwrap();
    std::fs::write(
        articles.join("two.txt"),
        "Ana Lima visited the harbour of Varna on Tuesday with the port authority.",
    )
    .unwrap();
    let extracted = folio()
        .args(["extract", "--json"])
        .arg(&articles)
        .output()
        .unwrap();
    let x: serde_json::Value = serde_json::from_slice(&extracted.stdout).unwrap();
    let kind_of = |x: &serde_json::Value, name: &str| {
        x["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| e["kind"].as_str().unwrap().to_string())
    };
    let wrong = kind_of(&x, "Getting Disney").expect("the recogniser takes the phrase for a name");
    let file = tmp.path().join("corrections.json");
    std::fs::write(
        &file,
        format!(
            r#"{{"format":"folio-corrections","version":1,"corrections":[
                {{"not_entity":{{"kind":"{wrong}","name":"Getting Disney"}}}},
                {{"rename":{{"kind":"person","name":"Ana Lima","to":"Mayor Ana Lima"}}}},
                {{"merge":{{"kind":"person","name":"Nobody Here","into_kind":"person","into":"Ana Lima"}}}}
            ]}}"#
        ),
    )
    .unwrap();
    let bundle = tmp.path().join("corrected.json");
    let out = folio()
        .arg("bundle")
        .arg(&articles)
        .arg("--out")
        .arg(&bundle)
        .arg("--corrections")
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Nobody Here"),
        "the missing target is named: {stderr}"
    );
    let b: serde_json::Value = serde_json::from_slice(&std::fs::read(&bundle).unwrap()).unwrap();
    assert_eq!(
        kind_of(&b, "Getting Disney"),
        None,
        "not an entity any more"
    );
    assert_eq!(kind_of(&b, "Mayor Ana Lima").as_deref(), Some("person"));
    assert_eq!(
        b["corrections"].as_array().unwrap().len(),
        3,
        "the bundle carries them"
    );
    // A build of the bundle alone (no --corrections) keeps them, sharded too.
    let site = tmp.path().join("site");
    let out = folio()
        .arg("build")
        .arg(&bundle)
        .arg("--out")
        .arg(&site)
        .arg("--app")
        .arg(&app)
        .args(["--shards", "always"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = std::fs::read_to_string(site.join("shards/manifest.json")).unwrap();
    assert!(manifest.contains("Mayor Ana Lima"), "{manifest}");
    assert!(!manifest.contains("Getting Disney"));
    // And a search of a folder holding the bundle reads it corrected.
    let folder = tmp.path().join("lib");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(&bundle, folder.join("library.json")).unwrap();
    let out = folio()
        .args(["search", "--json", "--corpus"])
        .arg(&folder)
        .arg("disney")
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let facets = r.to_string();
    assert!(!facets.contains("\"Getting Disney\""), "{facets}");
}
