//! `folio`: Folio's command line. Batch extraction and search with the same core
//! functions the app calls.
//!
//! ```text
//! folio extract [--json] PATH...
//! folio search [--json] --corpus DIR [--limit N] QUERY
//! folio extract --jsonl -
//! folio build ARTICLES --out SITE_DIR [--app DIST] [--title TITLE] [--corrections FILE]
//! folio bundle PATH... --out FILE [--corrections FILE]
//! folio onefile SITE_DIR [--out FILE]
//! folio claims [--json] [--all] PATH...
//! folio eval ner [--json] [--predictions-out FILE] DIR
//! folio eval html [--json] [--predictions-out FILE] DIR
//! ```
//!
//! A file that cannot be read or parsed gives one line on stderr naming the file, the
//! other files are still processed and printed, and the exit status is 1.

mod eval;
mod site;
mod stream;

/// mimalloc: extraction and the build make millions of small strings, and
/// glibc's allocator was 10-15% of a `folio build` (perf, 10,000 articles).
/// Built without transparent huge pages (`no_thp`): the kernel zeroing a
/// fresh 2 MB page at each of mimalloc's page faults was 11% of the build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use folio_core::corrections::{Correction, Outcome};
use folio_core::{extract, extract_document, Article, Corpus, Meta, Source};

const USAGE: &str = "\
usage:
  folio extract [--json] PATH...                        extract articles (files or folders)
  folio search [--json] --corpus DIR [--limit N] QUERY  search a folder of articles
  folio extract --jsonl -                               stream: one JSON article per stdin line
                                                        ({\"id\", \"text\"|\"html\", \"title\", \"published\",
                                                        \"outlet\", \"url\", \"byline\"}) → one extraction
                                                        per stdout line, in order, memory bounded
  folio build ARTICLES --out SITE_DIR [--app DIST] [--title TITLE] [--outlet NAME]
              [--shards auto|always|never] [--corrections FILE]
                                                        a static site of those articles: the built app
                                                        (DIST, default dist/), corpus.json, folio.html;
                                                        above 2,000 articles (auto) a sharded index
                                                        under shards/ instead, loaded as queries need it
  folio claims [--json] [--all] PATH...                 the figures the articles report, grouped by
                                                        what they measure, with source, period and
                                                        spread (--all: also measures one article gives)
  folio bundle PATH... --out FILE [--corrections FILE]
                                                        extract articles into a Folio bundle (the
                                                        app's corpus.json; importable in the app)
  folio onefile SITE_DIR [--out FILE]                   write SITE_DIR/folio.html: the built app
                                                        (trunk build) and its corpus.json in one file
  folio eval ner [--json] [--predictions-out FILE] DIR  score entity recognition on gold NER data
                                                        (FILE: every error, as TSV)
  folio eval html [--json] [--predictions-out FILE] DIR score HTML main-content extraction on the
                                                        article-extraction benchmark (DIR/html/*.html.gz,
                                                        DIR/ground-truth.json)

Articles are .txt or .md files, or saved web pages (.html, .htm), whose
article body and metadata are extracted first; a Folio bundle (.json, as the
app exports its library) adds its articles as they are. Every file of a folder
that is not read is named, with the reason. Optional metadata sits beside each one as
ID.meta.json: {\"title\", \"outlet\", \"published\": \"YYYY-MM-DD\", \"url\", \"byline\"}.
A .jsonl file holds many articles, one per line, as `extract --jsonl` reads them.
Corrections by hand (--corrections FILE: the app's \"Download corrections\" file, or
a bundle) are applied after the merge, with those the bundles read carry; one whose
target is no longer in the corpus is named on stderr.";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("folio: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(Long("help")) | Some(Short('h')) | None => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => bail!("{}\n{USAGE}", other.unexpected()),
    };
    let mut json = false;
    let mut corpus: Option<PathBuf> = None;
    let mut limit = 10usize;
    let mut free: Vec<String> = Vec::new();
    let mut predictions_out: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut jsonl = false;
    let mut all = false;
    let mut app: Option<PathBuf> = None;
    let mut title: Option<String> = None;
    let mut shards = site::Shards::Auto;
    let mut outlet: Option<String> = None;
    let mut corrections: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("corpus") => corpus = Some(parser.value()?.into()),
            Long("limit") => limit = parser.value()?.parse()?,
            Long("predictions-out") => predictions_out = Some(parser.value()?.into()),
            Long("out") | Short('o') => out = Some(parser.value()?.into()),
            Long("jsonl") => jsonl = true,
            Long("all") => all = true,
            Long("app") => app = Some(parser.value()?.into()),
            Long("title") => title = Some(parser.value()?.string()?),
            Long("outlet") => outlet = Some(parser.value()?.string()?),
            Long("corrections") => corrections = Some(parser.value()?.into()),
            Long("shards") => {
                shards = match parser.value()?.string()?.as_str() {
                    "auto" => site::Shards::Auto,
                    "always" => site::Shards::Always,
                    "never" => site::Shards::Never,
                    other => bail!("--shards is auto, always or never, not {other:?}"),
                }
            }
            Long("help") | Short('h') => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) => free.push(v.string()?),
            other => bail!("{}\n{USAGE}", other.unexpected()),
        }
    }
    let fixes = match &corrections {
        Some(p) => read_corrections(p)?,
        None => Vec::new(),
    };
    match command.as_str() {
        "extract" if jsonl => match free.as_slice() {
            [dash] if dash == "-" => stream::extract_jsonl(),
            _ => bail!("extract --jsonl reads stdin: `folio extract --jsonl -`\n{USAGE}"),
        },
        "build" => match free.as_slice() {
            [dir] => {
                let out = out.context("build needs --out SITE_DIR")?;
                let app = app.unwrap_or_else(|| PathBuf::from("dist"));
                site::build(
                    Path::new(dir),
                    &out,
                    &app,
                    site::Options {
                        title: title.as_deref(),
                        outlet: outlet.as_deref(),
                        shards,
                        corrections: &fixes,
                    },
                )
            }
            _ => bail!("build needs one ARTICLES (a folder, a .jsonl file or a bundle)\n{USAGE}"),
        },
        "extract" => {
            if free.is_empty() {
                bail!("extract needs at least one PATH\n{USAGE}");
            }
            let paths: Vec<PathBuf> = free.iter().map(PathBuf::from).collect();
            cmd_extract(&paths, json)
        }
        "claims" => {
            if free.is_empty() {
                bail!("claims needs at least one PATH\n{USAGE}");
            }
            let paths: Vec<PathBuf> = free.iter().map(PathBuf::from).collect();
            cmd_claims(&paths, all, json)
        }
        "bundle" => {
            let out = out.context("bundle needs --out FILE")?;
            if free.is_empty() {
                bail!("bundle needs at least one PATH\n{USAGE}");
            }
            let paths: Vec<PathBuf> = free.iter().map(PathBuf::from).collect();
            cmd_bundle(&paths, &out, &fixes)
        }
        "onefile" => match free.as_slice() {
            [site] => {
                let site = PathBuf::from(site);
                let out = out.unwrap_or_else(|| site.join("folio.html"));
                cmd_onefile(&site, &out)
            }
            _ => bail!("onefile needs SITE_DIR\n{USAGE}"),
        },
        "search" => {
            let dir = corpus.context("search needs --corpus DIR")?;
            let query = free.join(" ");
            cmd_search(&dir, &query, limit, json)
        }
        "eval" => match free.as_slice() {
            [what, dir] if what == "ner" => {
                eval::ner(Path::new(dir), predictions_out.as_deref(), json)?;
                Ok(ExitCode::SUCCESS)
            }
            [what, dir] if what == "html" => {
                eval::html(Path::new(dir), predictions_out.as_deref(), json)?;
                Ok(ExitCode::SUCCESS)
            }
            _ => bail!("eval needs: ner DIR, or html DIR\n{USAGE}"),
        },
        other => bail!("unknown command {other:?}\n{USAGE}"),
    }
}

/// One input that a command reads: a text or a saved page (with its
/// sidecar), a JSON-lines file of articles, or a Folio bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// `.txt`, `.md`, `.html`, `.htm` (or any file named on the command line).
    File(PathBuf),
    /// `.jsonl`: one article per line.
    Lines(PathBuf),
    /// `.json`: a Folio bundle, as the app exports its library.
    Bundle(PathBuf),
}

/// What the CLI reads, said once for every message that lists it.
const READS: &str = ".txt, .md, .html, .htm, .jsonl and Folio bundles (.json)";

/// Expands folders to the inputs inside them (sorted, one level deep). Every
/// entry of a folder that is not read is reported on stderr by name and
/// reason — a sidecar is read with its article, and said only when it has
/// none — so nothing is skipped in silence.
pub(crate) fn inputs(paths: &[PathBuf]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Ok(input_of(p.clone())));
            continue;
        }
        let entries = match std::fs::read_dir(p) {
            Ok(entries) => entries,
            Err(e) => {
                out.push(Err(anyhow::anyhow!("{}: {e}", p.display())));
                continue;
            }
        };
        // Each entry once: whether it is a folder, and what its name says it is.
        let mut listed: Vec<(PathBuf, bool, Option<Kind>)> = Vec::new();
        for e in entries {
            match e {
                // The entry's own type (no extra call to the file system for
                // each of 200,000 files); a link is followed to what it names.
                Ok(e) => {
                    let path = e.path();
                    let dir = match e.file_type() {
                        Ok(t) if t.is_symlink() => path.is_dir(),
                        Ok(t) => t.is_dir(),
                        Err(_) => false,
                    };
                    let kind = kind_of(&path);
                    listed.push((path, dir, kind));
                }
                Err(e) => out.push(Err(anyhow::anyhow!("{}: {e}", p.display()))),
            }
        }
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        let stems: std::collections::HashSet<String> = listed
            .iter()
            .filter(|(_, dir, kind)| !dir && *kind == Some(Kind::Article))
            .filter_map(|(f, _, _)| f.file_name())
            .map(|n| extract::id_from_file(&n.to_string_lossy()))
            .collect();
        for (f, dir, kind) in listed {
            let why = match (dir, kind) {
                (true, _) => "a folder (folders are read one level deep)".to_string(),
                (false, Some(Kind::Sidecar(id))) if stems.contains(&id) => continue,
                (false, Some(Kind::Sidecar(_))) => {
                    "metadata with no article of its name beside it".to_string()
                }
                (false, Some(kind)) => {
                    out.push(Ok(Input::of(f, kind)));
                    continue;
                }
                (false, None) => format!("not an article (folio reads {READS})"),
            };
            eprintln!("folio: skipped {}: {why}", f.display());
        }
    }
    out
}

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Article,
    Lines,
    Bundle,
    /// `ID.meta.json`, with the article id it describes.
    Sidecar(String),
}

/// What a file is by its name alone.
fn kind_of(p: &Path) -> Option<Kind> {
    let name = p.file_name()?.to_string_lossy().to_ascii_lowercase();
    if let Some(id) = name.strip_suffix(".meta.json") {
        let original = p.file_name()?.to_string_lossy();
        return Some(Kind::Sidecar(original[..id.len()].to_string()));
    }
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "md" | "html" | "htm" => Some(Kind::Article),
        "jsonl" => Some(Kind::Lines),
        "json" => Some(Kind::Bundle),
        _ => None,
    }
}

/// A file named on the command line is read whatever its name: as lines or
/// a bundle by its extension, else as an article.
fn input_of(p: PathBuf) -> Input {
    match kind_of(&p) {
        Some(kind) => Input::of(p, kind),
        None => Input::File(p),
    }
}

impl Input {
    fn of(p: PathBuf, kind: Kind) -> Input {
        match kind {
            Kind::Lines => Input::Lines(p),
            Kind::Bundle => Input::Bundle(p),
            Kind::Article | Kind::Sidecar(_) => Input::File(p),
        }
    }
}

/// The articles of a Folio bundle, checked by the same code as the app's
/// import (every span against its text, no `javascript:` link), so a library
/// exported from the browser reads here as it reads there.
pub(crate) fn read_bundle(path: &Path) -> Result<Vec<Article>> {
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let text = folio_core::extract::decode_detect(&bytes)
        .with_context(|| format!("{}", path.display()))?
        .text;
    let (articles, corrections) = folio_core::bundle::from_json_corrected(&text)
        .with_context(|| format!("{}", path.display()))?;
    let mut found = FOUND.lock().unwrap_or_else(|e| e.into_inner());
    folio_core::corrections::extend(&mut found, corrections);
    Ok(articles)
}

/// The corrections by hand of every bundle read so far (several threads read
/// bundles in `folio build`): a corpus made from bundles keeps them.
static FOUND: std::sync::Mutex<Vec<Correction>> = std::sync::Mutex::new(Vec::new());

/// Reads a corrections file (as the app's list of corrections downloads it),
/// or takes the corrections a bundle carries.
fn read_corrections(path: &Path) -> Result<Vec<Correction>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    if folio_core::import::is_corrections(&text) {
        folio_core::corrections::from_json(&text)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("{}: not a readable corrections file", path.display()))
    } else {
        folio_core::bundle::from_json_corrected(&text)
            .map(|(_, c)| c)
            .with_context(|| {
                format!(
                    "{}: neither a corrections file nor a Folio bundle",
                    path.display()
                )
            })
    }
}

/// Applies the bundles' corrections, then `extra` (from `--corrections`), to a
/// merged corpus; says on stderr what each of `extra` did when it did not
/// apply, and returns every correction in force, for the bundle written.
pub(crate) fn correct(corpus: &mut Corpus, extra: &[Correction]) -> Vec<Correction> {
    let mut all = FOUND.lock().unwrap_or_else(|e| e.into_inner()).clone();
    folio_core::corrections::extend(&mut all, extra.iter().cloned());
    if all.is_empty() {
        return all;
    }
    let outcomes = corpus.correct(&all);
    let mut changed = 0;
    for (c, o) in all.iter().zip(&outcomes) {
        match o {
            Outcome::Changed(_) => changed += 1,
            Outcome::Missing(_) => {
                eprintln!(
                    "folio: correction {}: {}",
                    c.describe_in(&corpus.articles),
                    o.describe()
                )
            }
            Outcome::Holds => {}
        }
    }
    eprintln!(
        "folio: {} correction(s) by hand, {changed} changed the corpus",
        all.len()
    );
    all
}

/// Gives each article an id no earlier one has (the app's import does the
/// same, with [`folio_core::import::unique_id`]): two files `report.txt` and
/// `report.md`, or a bundle's article and a file of the same name, both stay.
#[derive(Default)]
pub(crate) struct Ids(std::collections::HashSet<String>);

impl Ids {
    /// Claims `a`'s id, renaming it if an earlier article has it; returns the
    /// notice to print when it did.
    pub(crate) fn claim(&mut self, a: &mut Article) -> Option<String> {
        if self.0.insert(a.id.clone()) {
            return None;
        }
        let id = folio_core::import::unique_id(&a.id, &mut self.0);
        let notice = format!(
            "folio: {}: the id {:?} is taken by an earlier article; kept as {id:?}",
            a.file, a.id
        );
        a.id = id;
        Some(notice)
    }
}

/// Calls `each` with every non-blank line of a JSON-lines file and its number
/// (from 1).
pub(crate) fn each_line(path: &Path, mut each: impl FnMut(usize, String)) -> Result<()> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{} line {}", path.display(), n + 1))?;
        if !line.trim().is_empty() {
            each(n + 1, line);
        }
    }
    Ok(())
}

/// One line of a JSON-lines file as a source, or the message that says why not.
pub(crate) fn line_source(path: &Path, n: usize, line: &str) -> Result<Source> {
    folio_core::import::parse_line(line).map_err(|e| match e.id {
        Some(id) => anyhow::anyhow!("{} line {n} ({id}): {}", path.display(), e.error),
        None => anyhow::anyhow!("{} line {n}: {}", path.display(), e.error),
    })
}

/// Reads one article and its sidecar metadata.
pub(crate) fn read_source(path: &Path) -> Result<Source> {
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = read_meta(path)?;
    Source::from_bytes(&file, &bytes, meta).with_context(|| format!("{}", path.display()))
}

fn read_meta(path: &Path) -> Result<Meta> {
    let id = extract::id_from_file(&path.to_string_lossy());
    let id = Path::new(&id)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sidecar = path.with_file_name(format!("{id}.meta.json"));
    let text = match std::fs::read_to_string(&sidecar) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Meta::default()),
        Err(e) => return Err(e).with_context(|| format!("{}", sidecar.display())),
    };
    Meta::from_json(&text).with_context(|| format!("{}", sidecar.display()))
}

/// Reads and extracts every article, reporting failures one line each;
/// returns the articles (ids made unique, in input order) and whether any
/// input failed.
pub(crate) fn read_all(paths: &[PathBuf]) -> (Vec<Article>, bool) {
    let mut articles = Vec::new();
    let mut failed = false;
    let mut report = |e: anyhow::Error| {
        eprintln!("folio: {e:#}");
        failed = true;
    };
    let mut take = |source: Result<Source>, articles: &mut Vec<Article>| match source {
        Ok(s) => articles.push(extract_document(&s.file, &s.raw, &s.meta)),
        Err(e) => report(e),
    };
    for input in inputs(paths) {
        match input {
            Ok(Input::Lines(p)) => {
                let read = each_line(&p, |n, line| take(line_source(&p, n, &line), &mut articles));
                if let Err(e) = read {
                    take(Err(e), &mut articles);
                }
            }
            Ok(Input::Bundle(p)) => match read_bundle(&p) {
                Ok(a) => articles.extend(a),
                Err(e) => take(Err(e), &mut articles),
            },
            Ok(Input::File(p)) => take(read_source(&p), &mut articles),
            Err(e) => take(Err(e), &mut articles),
        }
    }
    let mut ids = Ids::default();
    for a in &mut articles {
        if let Some(notice) = ids.claim(a) {
            eprintln!("{notice}");
        }
    }
    (articles, failed)
}

/// The paths of a command, for a message.
fn shown(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn cmd_bundle(paths: &[PathBuf], out: &Path, extra: &[Correction]) -> Result<ExitCode> {
    let (articles, failed) = read_all(paths);
    if articles.is_empty() {
        bail!(
            "no articles to bundle: nothing readable in {} (folio reads {READS}); nothing written",
            shown(paths)
        );
    }
    let mut corpus = Corpus::from_articles(articles);
    let fixes = correct(&mut corpus, extra);
    let json = folio_core::bundle::to_json_compact(&corpus.extraction(), &fixes);
    std::fs::write(out, json).with_context(|| format!("{}", out.display()))?;
    eprintln!(
        "folio: {} articles, {} entities → {}",
        corpus.articles.len(),
        corpus.entities.len(),
        out.display()
    );
    Ok(exit(failed))
}

/// Writes the one-file copy of a built site (see `folio_core::share`).
pub(crate) fn cmd_onefile(site: &Path, out: &Path) -> Result<ExitCode> {
    let read = |name: &str| -> Result<String> {
        let p = site.join(name.trim_start_matches("./"));
        std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()))
    };
    let index = read("index.html")?;
    let (css, js, wasm) = folio_core::share::app_files(&index)
        .context("index.html does not name the app's css, js and wasm (is this a trunk build?)")?;
    let wasm_path = site.join(wasm.trim_start_matches("./"));
    let wasm = std::fs::read(&wasm_path).with_context(|| format!("{}", wasm_path.display()))?;
    let corpus = read("corpus.json")?;
    // Only the gazetteer rows this corpus' places reach (as the app's own
    // "As one HTML file" does): the whole file would triple the copy.
    let extraction: folio_core::Extraction =
        serde_json::from_str(&corpus).context("corpus.json is not a Folio bundle")?;
    let places = read("assets/places.tsv").ok().map(|tsv| {
        folio_core::geo::subset_tsv(&tsv, folio_core::geo::place_names(&extraction.entities))
    });
    let outline = read("assets/world.svg").ok();
    // The views module (map, claims) keeps its plain names beside the app.
    let views_glue = read("folio-views.js").ok();
    let views_wasm = std::fs::read(site.join("folio-views_bg.wasm")).ok();
    let views = match (&views_glue, &views_wasm) {
        (Some(glue_js), Some(wasm)) => Some(folio_core::share::Views { glue_js, wasm }),
        _ => {
            eprintln!(
                "folio: warning: {} has no views module (folio-views.js, folio-views_bg.wasm); \
                 the copy's map and claims will say they could not be loaded",
                site.display()
            );
            None
        }
    };
    let html = folio_core::share::one_file_html(&folio_core::share::Parts {
        title: "Folio",
        css: &read(&css)?,
        glue_js: &read(&js)?,
        wasm: &wasm,
        corpus_json: Some(&corpus),
        places_tsv: places.as_deref(),
        outline_svg: outline.as_deref(),
        views,
    });
    std::fs::write(out, &html).with_context(|| format!("{}", out.display()))?;
    eprintln!(
        "folio: one-file copy ({}) → {}",
        folio_core::format::human_bytes(html.len() as u64),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The corpus of every article in `paths`, and whether any file failed; says
/// so on stderr when there is no article at all (an empty corpus is still
/// an answer for `extract`, `claims` and `search`).
fn read_corpus(paths: &[PathBuf]) -> (Corpus, bool) {
    let (articles, failed) = read_all(paths);
    if articles.is_empty() {
        eprintln!(
            "folio: no articles in {} (folio reads {READS})",
            shown(paths)
        );
    }
    let mut corpus = Corpus::from_articles(articles);
    correct(&mut corpus, &[]);
    (corpus, failed)
}

fn cmd_extract(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let (corpus, failed) = read_corpus(paths);
    if json {
        println!("{}", serde_json::to_string_pretty(&corpus.extraction())?);
    } else {
        for a in &corpus.articles {
            println!(
                "{}  {}  ({} words, {} removed)",
                a.id,
                a.title,
                a.word_count,
                a.removed.len()
            );
            for r in &a.removed {
                println!("    removed: {r}");
            }
        }
    }
    Ok(exit(failed))
}

/// `folio claims`: the corpus's figures grouped by measure
/// ([`folio_core::explore::claims`]); by default only measures that more than
/// one article reports, the ones to compare.
fn cmd_claims(paths: &[PathBuf], all: bool, json: bool) -> Result<ExitCode> {
    use folio_core::explore::{claims, format_number};
    let (corpus, failed) = read_corpus(paths);
    let groups: Vec<_> = claims(&corpus)
        .into_iter()
        .filter(|g| all || g.articles > 1)
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&groups)?);
        return Ok(exit(failed));
    }
    if groups.is_empty() {
        println!("no measure is reported by more than one article (--all lists every figure)");
    }
    for g in &groups {
        let of =
            g.of.as_deref()
                .map(|o| format!(" of {o}"))
                .unwrap_or_default();
        let verdict = if g.differ {
            format!(
                "values differ: {} to {}",
                format_number(g.low),
                format_number(g.high)
            )
        } else {
            "values agree".to_string()
        };
        println!(
            "{}{of}: {} figures in {} articles, {verdict}",
            g.measure,
            g.claims.len(),
            g.articles
        );
        for c in &g.claims {
            let who = c.source.as_deref().unwrap_or("(no source named)");
            let when = c
                .period
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            let outlet = c.outlet.as_deref().unwrap_or("");
            let date = c.published.as_deref().unwrap_or("");
            println!(
                "  {:>12}  “{}”  {who}{when}  [{} {outlet} {date}]",
                format_number(c.value),
                c.text,
                c.article
            );
        }
    }
    Ok(exit(failed))
}

fn cmd_search(dir: &Path, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    if !dir.is_dir() {
        bail!("--corpus {}: not a folder", dir.display());
    }
    let (corpus, failed) = read_corpus(&[dir.to_path_buf()]);
    let results = corpus.search(query, limit);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results.to_contract_json())?
        );
    } else {
        println!("{} result(s) for {:?}", results.total, results.query);
        for h in &results.hits {
            println!("{:>7.3}  {}  {}", h.score, h.id, h.title);
            println!("         {}", h.snippet.text);
        }
    }
    Ok(exit(failed))
}
