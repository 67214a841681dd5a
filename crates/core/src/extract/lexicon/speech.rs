//! Verbs of speech, writing and publishing, and the words that bound the
//! phrase of a speaker: evidence of who speaks ("X said") for the recogniser,
//! and of where a quote's speaker stands for the quote stage.

/// Verbs of speech after a name, evidence of a speaker (a person, or an
/// organisation speaking through someone).
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "stated",
    "noted",
    "argued",
    "insisted",
    "claimed",
    "warned",
    "announced",
    "declared",
    "asked",
    "replied",
    "responded",
    "recalled",
    "admitted",
    "confirmed",
    "posted",
    "tweeted",
    "estimated",
    "acknowledged",
    "emphasised",
    "emphasized",
    "stressed",
    "continued",
];

/// Verbs that introduce a quote but are not plain speech verbs.
pub(crate) const QUOTE_VERBS: &[&str] = &[
    "described",
    "called",
    "urged",
    "say",
    "according",
    "caption",
];

/// Verbs of publishing whose "on X" names the platform ("wrote on Telegram").
pub(crate) const POST_VERBS: &[&str] = &[
    "posted",
    "posts",
    "wrote",
    "writes",
    "published",
    "shared",
    "tweeted",
    "uploaded",
    "streamed",
];

/// Common finite verbs that end a possessive subject ("Russia's military made").
pub(crate) const FINITE_VERBS: &[&str] = &[
    "made", "has", "had", "have", "is", "was", "were", "are", "did", "does", "do", "will", "would",
    "can", "could", "may", "might", "must", "should", "took", "gave", "kept", "sent", "held",
    "met", "went", "came", "left", "won", "lost", "put", "set", "got",
];

/// Words that end a possessive body ("Britain's navy on Monday").
pub(crate) const POSSESSIVE_ENDS: &[&str] = &[
    "on", "in", "at", "for", "to", "of", "from", "after", "before", "during", "with", "by",
    "about", "that", "late", "earlier", "this", "last",
];

/// Past-tense verbs of deeds, after a lone name opening a clause ("Campbell
/// went", "Seagal made headlines"): what people do more often than things.
/// The auxiliaries and "is" of [`FINITE_VERBS`] are left out: "X is a
/// district" defines a thing.
pub(crate) const PERSON_ACTS: &[&str] = &[
    "made",
    "took",
    "gave",
    "kept",
    "sent",
    "held",
    "met",
    "went",
    "came",
    "left",
    "won",
    "lost",
    "got",
    "suggested",
    "decided",
    "insisted",
    "returned",
    "joined",
    "spent",
];
