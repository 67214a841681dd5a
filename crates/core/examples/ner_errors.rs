//! Error analysis for the entity recogniser on a gold NER file, with a held-out
//! split: documents are numbered in file order and `first`/`second` selects a half.
//!
//! ```text
//! cargo run --release -p folio-core --example ner_errors -- FILE conll|gum first|second|all [errors]
//! ```
//!
//! Prints precision, recall and F1 per kind for the selected documents and, with
//! `errors`, every false positive and false negative with its tokens.

use std::collections::HashMap;

use folio_core::eval::{parse, predict, score_doc, Counts, Format};
use folio_core::EntityKind;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).expect("gold file");
    let format = if args[1] == "gum" {
        Format::Gum
    } else {
        Format::Conll
    };
    let docs = parse(&text, format);
    let half = docs.len() / 2;
    let range = match args[2].as_str() {
        "first" => 0..half,
        "second" => half..docs.len(),
        _ => 0..docs.len(),
    };
    let show = args.get(3).is_some_and(|a| a == "errors");
    let mut per: HashMap<EntityKind, Counts> = HashMap::new();
    for doc in &docs[range.clone()] {
        let pred = predict(doc);
        for (k, c) in score_doc(doc, &pred) {
            let e = per.entry(k).or_default();
            e.tp += c.tp;
            e.fp += c.fp;
            e.fn_ += c.fn_;
        }
        if show {
            let words = |r: &std::ops::Range<usize>| doc.tokens[r.clone()].join(" ");
            let ctx = |r: &std::ops::Range<usize>| {
                let a = r.start.saturating_sub(4);
                let b = (r.end + 3).min(doc.tokens.len());
                doc.tokens[a..b].join(" ")
            };
            for (r, k) in &pred {
                let ignored = doc
                    .ignore
                    .iter()
                    .any(|x| x.start <= r.start && r.end <= x.end);
                if !ignored && !doc.entities.iter().any(|(g, gk)| g == r && gk == k) {
                    let gold = doc
                        .entities
                        .iter()
                        .find(|(g, _)| g.start < r.end && r.start < g.end)
                        .map(|(g, gk)| format!("{gk:?}:{}", words(g)))
                        .unwrap_or_default();
                    println!("FP {k:?}\t{}\t[{gold}]\t{}", words(r), ctx(r));
                }
            }
            for (g, k) in &doc.entities {
                if !pred.iter().any(|(r, pk)| r == g && pk == k) {
                    let got = pred
                        .iter()
                        .find(|(r, _)| g.start < r.end && r.start < g.end)
                        .map(|(r, pk)| format!("{pk:?}:{}", words(r)))
                        .unwrap_or_default();
                    println!("FN {k:?}\t{}\t[{got}]\t{}", words(g), ctx(g));
                }
            }
        }
    }
    let mut all = Counts::default();
    for k in [EntityKind::Person, EntityKind::Place, EntityKind::Org] {
        let c = per.get(&k).copied().unwrap_or_default();
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        println!(
            "{k:?}\tP {:.3} R {:.3} F1 {:.3}",
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!(
        "overall\tP {:.3} R {:.3} F1 {:.3} ({} docs)",
        all.precision(),
        all.recall(),
        all.f1(),
        range.len()
    );
}
