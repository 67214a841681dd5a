//! Adding and removing documents: a document's tokens are read into
//! [`DocTerms`](super::doc_terms::DocTerms), then each distinct term is
//! interned and its posting appended.

use super::bytes::write_varint;
use super::documents::{Doc, DocEntity};
use super::postings::{Posting, Postings};
use super::terms::{Term, TermKey};
use super::{Field, Index};
use crate::model::Article;
use crate::text::{fold, tokens, variant_key, Spans};

impl Index {
    /// Adds a document with a title and a body. Adding an id that exists replaces
    /// the old document.
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        self.add_document(
            Doc {
                id: id.to_string(),
                live: true,
                ..Doc::default()
            },
            title,
            body,
            "",
            None,
        );
    }

    /// Adds a document with an extra text of entity names (one name per line),
    /// searched as its own field.
    pub fn add_with_names(&mut self, id: &str, title: &str, body: &str, names: &str) {
        self.add_document(
            Doc {
                id: id.to_string(),
                live: true,
                ..Doc::default()
            },
            title,
            body,
            names,
            None,
        );
    }

    /// Adds an extracted article: title, text, the names of its entities (every
    /// mention and the fullest name; nothing when it has none yet), and what the
    /// query filters and facets need (outlet, date, entities).
    pub fn add_article(&mut self, article: &Article) {
        self.add_article_read(article, None);
    }

    /// [`Index::add_article`] with the tokens of the article's text found
    /// already (by extraction, which tokenizes the text too; the corpus
    /// passes them on in [`crate::Builder::push_spans`]): the same index,
    /// without tokenizing the text again. Spans that do not fit the text are
    /// ignored and the text tokenized.
    pub fn add_article_spans(&mut self, article: &Article, spans: &Spans) {
        let spans = Some(spans).filter(|s| s.fit(&article.text));
        self.add_article_read(article, spans);
    }

    fn add_article_read(&mut self, article: &Article, spans: Option<&Spans>) {
        let mut names = String::new();
        let mut entities: Vec<DocEntity> = Vec::with_capacity(article.entities.len());
        for e in &article.entities {
            let forms = entity_forms(e);
            for form in &forms {
                names.push_str(form);
                names.push('\n');
            }
            let keys = form_keys(&forms);
            // One entry per (kind, name): facets count articles, not mentions.
            match entities
                .iter_mut()
                .find(|d| d.kind == e.kind && d.name == e.name)
            {
                Some(known) => {
                    for k in keys {
                        if !known.keys.contains(&k) {
                            known.keys.push(k);
                        }
                    }
                }
                None => entities.push(DocEntity {
                    kind: e.kind,
                    name: e.name.clone(),
                    keys,
                }),
            }
        }
        let entities = entities
            .into_iter()
            .map(|e| self.entity_table.share(e))
            .collect();
        let doc = Doc {
            id: article.id.clone(),
            live: true,
            published: article.published.clone(),
            outlet: article.outlet.clone(),
            entities,
            ..Doc::default()
        };
        self.add_document(doc, &article.title, &article.text, &names, spans);
    }

    fn add_document(
        &mut self,
        mut doc: Doc,
        title: &str,
        body: &str,
        names: &str,
        body_spans: Option<&Spans>,
    ) {
        self.remove(&doc.id);
        let n = self.docs.len() as u32;
        // Indexing's hot path: each token is found among the document's terms
        // ([`DocTerms::read`]); the index is visited afterwards, once per
        // distinct term.
        let mut local = std::mem::take(&mut self.doc_terms);
        let texts = [title, body, names];
        // Positions run on across fields with a gap of one, so a phrase never
        // spans the end of the title and the start of the body, and the numbers
        // stay small (one varint byte per delta, mostly).
        let mut pos = 0u32;
        for field in [Field::Title, Field::Body, Field::Names] {
            let f = field as usize;
            let start = pos;
            pos = match (field, body_spans) {
                (Field::Body, Some(spans)) => local.read_spans(field, texts[f], spans, pos),
                _ => local.read(field, texts[f], pos),
            };
            doc.lens[f] = pos - start;
            pos += 1;
        }
        // The index's id of each term, in order of first occurrence, so that
        // new terms get the ids they would get token by token. `touched` only
        // keeps the touching reads from being optimised away.
        let mut touched = 0u64;
        for l in &local.terms {
            touched ^= self.lookup.touch(l.hash);
        }
        for i in 0..local.terms.len() {
            let Some(l) = local.terms.get(i) else {
                break;
            };
            let term = match self.lookup.get(&local.key(l), &self.terms) {
                Some(id) => id,
                // A new term: its text is made only now.
                None => {
                    let (f, start, end) = l.token;
                    let token = texts[usize::from(f)].get(start as usize..end as usize);
                    self.term_id(&fold(token.unwrap_or("")))
                }
            };
            if let Some(l) = local.terms.get_mut(i) {
                l.term = term;
            }
        }
        for l in &local.terms {
            if let Some(t) = self.terms.get(l.term as usize) {
                touched ^= u64::from(t.postings.touch());
            }
        }
        std::hint::black_box(touched);
        // Each term's positions, delta-coded from 0, appended to its position
        // bytes (a varint byte pushed at a time: most terms occur once or twice
        // in a document, and copying from a scratch buffer, a `memory.copy` in
        // WebAssembly, cost more), then its posting.
        for l in &local.terms {
            let Some(t) = self.terms.get_mut(l.term as usize) else {
                continue;
            };
            let p = &mut t.postings;
            let (mut at, mut last) = (l.first as usize, 0);
            while let Some(&o) = local.occurrences.get(at) {
                write_varint(&mut p.positions, u64::from(o.pos - last));
                last = o.pos;
                at = o.next as usize;
            }
            p.list.push(Posting {
                doc: n,
                pos_end: p.positions.len() as u32,
                tf: l.tf,
            });
        }
        local.clear();
        self.doc_terms = local;
        self.lens.push(doc.lens);
        for (sum, len) in self.len_sums.iter_mut().zip(doc.lens) {
            *sum += u64::from(len);
        }
        self.by_id.insert(doc.id.clone(), n);
        self.docs.push(doc);
        self.live_docs += 1;
    }

    /// The id of a term, created (and entered in the lookup tables) if new.
    #[inline]
    fn term_id(&mut self, text: &str) -> u32 {
        let key = TermKey::new(text);
        if let Some(id) = self.lookup.get(&key, &self.terms) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.new_term(&key);
        id
    }

    /// Enters a term that is not in the index yet in the interning table, and
    /// in the query tables if they have been made (otherwise the first query
    /// makes them with it).
    pub(super) fn new_term(&mut self, key: &TermKey) {
        let id = self.terms.len() as u32;
        let text = key.text.to_string();
        self.lookup.insert(key);
        if let Some(l) = self.lookups.0.get_mut() {
            l.add(&text, id);
        }
        self.terms.push(Term {
            text,
            postings: Postings::default(),
            lex_df: 0,
        });
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(doc) = self.by_id.remove(id) else {
            return false;
        };
        let d = &mut self.docs[doc as usize];
        d.live = false;
        self.entity_table.release(std::mem::take(&mut d.entities));
        for (sum, len) in self.len_sums.iter_mut().zip(d.lens) {
            *sum -= u64::from(len);
        }
        self.live_docs -= 1;
        for t in &mut self.terms {
            t.postings.remove(doc);
        }
        true
    }
}

/// Each distinct name an entity goes by in an article (its name, then its
/// mentions' texts), once: the body already counts how often it is
/// mentioned; the names field only says which names it goes by.
pub(crate) fn entity_forms(e: &crate::model::ArticleEntity) -> Vec<&str> {
    let mut forms: Vec<&str> = std::iter::once(e.name.as_str())
        .chain(e.mentions.iter().map(|m| m.text.as_str()))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// The variant keys of every word of these names, each once: what an
/// entity filter's words are compared with.
pub(crate) fn form_keys(forms: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for t in forms.iter().flat_map(|f| tokens(f)) {
        let k = variant_key(&fold(t.text));
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use crate::search::index::testing::{ids, index};
    use crate::search::index::Index;

    #[test]
    fn removed_documents_are_not_found_and_re_adding_replaces() {
        let mut i = index();
        assert!(i.remove("lyman"));
        assert!(!i.remove("lyman"));
        assert_eq!(ids(&i, "lyman "), vec!["kharkiv"]);
        i.add("kharkiv", "", "only rain now");
        assert!(ids(&i, "lyman ").is_empty());
        assert_eq!(i.len(), 2);
        assert_eq!(ids(&i, "\"only rain\" "), vec!["kharkiv"]);
    }

    #[test]
    fn diacritics_and_case_fold() {
        let mut i = Index::default();
        i.add("a", "", "ZAPORIZHZHIA and Łódź");
        assert_eq!(ids(&i, "lodz "), vec!["a"]);
        assert_eq!(ids(&i, "Zaporizhzhia "), vec!["a"]);
    }

    #[test]
    fn names_field_is_searched() {
        let mut i = Index::default();
        i.add_with_names("a", "", "The president spoke.", "Volodymyr Zelenskyy");
        i.add("b", "", "Nobody spoke.");
        assert_eq!(ids(&i, "zelensky "), vec!["a"]);
    }
}
