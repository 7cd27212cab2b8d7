//! Several articles shown as one analysis, so the map, the cards and the timeline draw a
//! merged route as they draw one article's.
//!
//! The articles' texts are laid end to end ([`SEPARATOR`] between them) and every span of
//! an article moves by where its text begins ([`Combined::starts`]): one offset then names
//! one place in one article, the article pane shows one article's stretch of the text, and
//! a correction goes back to its article's own text with [`locate`]. Each article is
//! corrected on its own before merging (a stop that is none, a place, a day, a stop added at
//! its words); what only the merged route has — its order, its traveller, its actors' names,
//! two actors made one — is corrected after ([`after_merge`]). One article is shown as it
//! is, never merged.
//!
//! Nothing here names egui.

use std::ops::Range;

use crate::analysis::{Analysis, Diagnostic};
use crate::merge::{Merged, MergedStop, Source, merge};
use crate::movement::{Actor, Evidence, Stop, When};
use crate::project::{self, Correction, CorrectionKind};
use crate::span::Span;

/// What lies between two articles' texts laid end to end.
pub const SEPARATOR: &str = "\n\n";

/// What the cards show of a merged stop beyond its [`Stop`]: who told it, where.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Told {
    /// The article whose telling gives the stop's place, day and status.
    pub article: usize,
    /// Every source named, with its article.
    pub sources: Vec<(usize, String)>,
    /// Every quote, with its article (spans into that article's own text).
    pub evidence: Vec<(usize, Evidence)>,
    /// Another article's day for the stop, where it differs from the stop's.
    pub disagreements: Vec<(usize, When)>,
}

impl Told {
    /// The articles that tell the stop, in the order of their quotes (then of their
    /// sources), each once.
    #[must_use]
    pub fn articles(&self) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let all = self.evidence.iter().map(|(d, _)| *d);
        for d in all.chain(self.sources.iter().map(|(d, _)| *d)) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }
}

/// How several articles lie in the text shown, and what their merged stops hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Combined {
    /// Where each article's text begins in the text shown, in bytes.
    pub starts: Vec<usize>,
    /// Each article's length, in bytes.
    pub lens: Vec<usize>,
    /// For each actor shown, for each of its stops, who told it.
    pub told: Vec<Vec<Told>>,
}

impl Combined {
    /// The bytes of the text shown that are article `article`'s.
    #[must_use]
    pub fn range(&self, article: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(article)?;
        Some(start..start + self.lens.get(article)?)
    }
}

/// Where each of texts of these lengths begins when they are laid end to end with
/// [`SEPARATOR`] between them.
#[must_use]
pub fn starts(lens: &[usize]) -> Vec<usize> {
    let mut at = 0;
    lens.iter()
        .map(|len| {
            let start = at;
            at += len + SEPARATOR.len();
            start
        })
        .collect()
}

/// The article a span of the text shown lies in, and the span in that article's own text;
/// `None` when it lies in no article (a separator, past the end) or across two.
#[must_use]
pub fn locate(starts: &[usize], lens: &[usize], span: Span) -> Option<(usize, Span)> {
    let article = starts
        .partition_point(|&s| s <= span.start)
        .checked_sub(1)?;
    let start = starts[article];
    let local = Span::new(span.start - start, span.end - start);
    (local.end <= *lens.get(article)?).then_some((article, local))
}

/// True for the corrections that concern the merged route rather than one article's
/// telling — the route's order, its traveller, an actor's name, two actors made one — and
/// so are applied after merging. The others (a stop that is none, a name that is no place,
/// a place, a day, a stop added at words of the article) are applied to their article
/// before.
#[must_use]
pub fn after_merge(kind: &CorrectionKind) -> bool {
    matches!(
        kind,
        CorrectionKind::Move { .. }
            | CorrectionKind::Traveller
            | CorrectionKind::RenameActor { .. }
            | CorrectionKind::MergeActors { .. }
    )
}

/// `c` moved into the text shown, whose articles begin at `starts`: its span (and the
/// span of the actor it merges into) shifted by where its article begins, as a
/// correction of article 0. `None` when an article it names is not shown.
fn shifted(c: &Correction, starts: &[usize]) -> Option<Correction> {
    let shift = |article: usize, s: Span| {
        let start = *starts.get(article)?;
        Some(Span::new(s.start + start, s.end + start))
    };
    let kind = match &c.kind {
        CorrectionKind::MergeActors {
            into,
            into_mention,
            into_article,
        } => CorrectionKind::MergeActors {
            into: shift(*into_article, *into)?,
            into_mention: into_mention.clone(),
            into_article: 0,
        },
        other => other.clone(),
    };
    Some(Correction {
        kind,
        article: 0,
        span: shift(c.article, c.span)?,
        ..c.clone()
    })
}

/// What the window shows of the open articles.
#[derive(Clone, Debug)]
pub struct Shown {
    /// One article's analysis, or the articles merged into one.
    pub analysis: Analysis,
    /// How several articles lie in it; `None` for one.
    pub combined: Option<Combined>,
    /// For each correction, whether it applied.
    pub applied: Vec<bool>,
}

/// The analysis to show for `articles` (each a name and the pipeline's analysis) with
/// `corrections` in force. One article: its analysis with its corrections, as
/// [`project::apply_corrections`] leaves it. Several: each corrected on its own, merged,
/// combined, and then corrected in its route ([`after_merge`]). A correction of an article
/// that is not there does not apply.
#[must_use]
pub fn shown(articles: &[(&str, &Analysis)], corrections: &[Correction]) -> Shown {
    if let [(_, only)] = articles {
        let mut analysis = (*only).clone();
        let applied = project::apply_corrections(&mut analysis, 0, corrections);
        return Shown {
            analysis,
            combined: None,
            applied,
        };
    }
    let mut applied = vec![false; corrections.len()];
    let mut sources = Vec::with_capacity(articles.len());
    for (d, (name, analysis)) in articles.iter().enumerate() {
        let mut analysis = (*analysis).clone();
        for (i, c) in corrections.iter().enumerate() {
            if c.article == d && !after_merge(&c.kind) {
                applied[i] = project::apply_corrections(&mut analysis, d, std::slice::from_ref(c))
                    .first()
                    .copied()
                    .unwrap_or(false);
            }
        }
        sources.push(Source {
            origin: (*name).to_owned(),
            analysis,
        });
    }
    let (mut analysis, mut combined) = combine(merge(sources));
    // the stops' mentions before any route correction: the cards' table follows them
    let before: Vec<Vec<(Vec<Span>, Option<When>)>> = analysis
        .actors
        .iter()
        .map(|a| {
            a.stops
                .iter()
                .map(|s| (s.mentions.clone(), s.when.clone()))
                .collect()
        })
        .collect();
    let mut moved = false;
    for (i, c) in corrections.iter().enumerate() {
        if !after_merge(&c.kind) {
            continue;
        }
        let Some(shifted) = shifted(c, &combined.starts) else {
            continue;
        };
        applied[i] = project::apply_corrections(&mut analysis, 0, std::slice::from_ref(&shifted))
            .first()
            .copied()
            .unwrap_or(false);
        moved |= applied[i];
    }
    if moved {
        combined.told = follow(&before, &combined.told, &analysis);
    }
    Shown {
        analysis,
        combined: Some(combined),
        applied,
    }
}

/// The cards' table for `analysis`, whose stops route corrections moved: each stop takes
/// the entry of the stop that had its first mention before (`before`, each stop's mentions
/// and day, and `told`, by actor and stop). Where two actors merged made two stops one (the
/// first keeps its first mention and takes the other's mentions), the one entry holds both
/// tellings, with the other's day among the days that differ when it does.
fn follow(
    before: &[Vec<(Vec<Span>, Option<When>)>],
    told: &[Vec<Told>],
    analysis: &Analysis,
) -> Vec<Vec<Told>> {
    let entry = |first: Option<&Span>| {
        before.iter().zip(told).find_map(|(stops, told)| {
            let i = stops.iter().position(|(m, _)| m.first() == first)?;
            let (mentions, when) = &stops[i];
            Some((told.get(i)?, mentions, when.as_ref()))
        })
    };
    analysis
        .actors
        .iter()
        .map(|actor| {
            actor
                .stops
                .iter()
                .map(|stop| {
                    let Some((own, _, _)) = entry(stop.mentions.first()) else {
                        return Told::default();
                    };
                    let mut out = own.clone();
                    for m in stop.mentions.iter().skip(1) {
                        // a stop joined to this one whole, not one that shares a mention
                        let Some((other, _, when)) = entry(Some(m))
                            .filter(|(_, ms, _)| ms.iter().all(|x| stop.mentions.contains(x)))
                        else {
                            continue;
                        };
                        out.sources.extend(other.sources.iter().cloned());
                        out.evidence.extend(other.evidence.iter().cloned());
                        out.disagreements
                            .extend(other.disagreements.iter().cloned());
                        if let (Some(theirs), Some(ours)) = (when, &stop.when)
                            && crate::merge::disagree(ours, theirs)
                        {
                            out.disagreements.push((other.article, theirs.clone()));
                        }
                    }
                    out
                })
                .collect()
        })
        .collect()
}

/// Merged articles as one analysis over their texts laid end to end, with who told each
/// stop.
#[must_use]
pub fn combine(merged: Merged) -> (Analysis, Combined) {
    let Merged { documents, actors } = merged;
    let lens: Vec<usize> = documents.iter().map(|d| d.analysis.text.len()).collect();
    let starts = starts(&lens);
    let at = |d: usize, s: Span| {
        let start = starts.get(d).copied().unwrap_or(0);
        Span::new(s.start + start, s.end + start)
    };
    let accounts = other_accounts(&documents, &at);
    let first = documents.first().map(|d| &d.analysis);
    let mut analysis = Analysis {
        // what an export of the merged route is called: every article's title
        title: {
            let titles: Vec<&str> = documents
                .iter()
                .filter_map(|d| d.analysis.title.as_deref())
                .collect();
            (!titles.is_empty()).then(|| titles.join(" · "))
        },
        published: first.and_then(|a| a.published),
        reference_date: first.and_then(|a| a.reference_date),
        text: String::with_capacity(lens.iter().sum::<usize>() + SEPARATOR.len() * lens.len()),
        sentences: Vec::new(),
        places: Vec::new(),
        times: Vec::new(),
        actors: Vec::new(),
        diagnostics: Vec::new(),
        explanation: None,
    };
    for (
        d,
        Source {
            origin,
            analysis: a,
        },
    ) in documents.into_iter().enumerate()
    {
        if d > 0 {
            analysis.text.push_str(SEPARATOR);
        }
        analysis.text.push_str(&a.text);
        analysis
            .sentences
            .extend(a.sentences.iter().map(|&s| at(d, s)));
        analysis.places.extend(a.places.into_iter().map(|mut p| {
            p.span = at(d, p.span);
            p
        }));
        analysis.times.extend(a.times.into_iter().map(|mut t| {
            t.span = at(d, t.span);
            t
        }));
        analysis
            .diagnostics
            .extend(a.diagnostics.into_iter().map(|x| Diagnostic {
                message: format!("{origin}: {}", x.message),
                span: x.span.map(|s| at(d, s)),
            }));
    }
    let mut told = Vec::with_capacity(actors.len());
    for actor in actors {
        let mut mentions: Vec<Span> = actor.mentions.iter().map(|&(d, m)| at(d, m)).collect();
        mentions.sort_unstable();
        let (stops, stops_told): (Vec<Stop>, Vec<Told>) = actor
            .stops
            .into_iter()
            .map(|m| combined_stop(m, &at))
            .unzip();
        told.push(stops_told);
        let mut stops = stops;
        link_accounts(&mut stops, &accounts);
        analysis.actors.push(Actor {
            name: actor.name,
            mentions,
            stops,
            kind: actor.kind,
            denied: Vec::new(),
        });
    }
    (analysis, Combined { starts, lens, told })
}

/// Each article's other accounts ("RIA Novosti said the train reached Vladivostok", against
/// KCNA's Khasan): a stop's first mention with the first mentions of the stops its article
/// gives as other accounts of it, in the text shown.
fn other_accounts(
    documents: &[Source],
    at: &impl Fn(usize, Span) -> Span,
) -> Vec<(Span, Vec<Span>)> {
    let mut out = Vec::new();
    for (d, source) in documents.iter().enumerate() {
        for actor in &source.analysis.actors {
            for stop in actor.stops.iter().filter(|s| !s.alternatives.is_empty()) {
                let Some(&first) = stop.mentions.first() else {
                    continue;
                };
                let others = stop
                    .alternatives
                    .iter()
                    .filter_map(|&j| actor.stops.get(j)?.mentions.first())
                    .map(|&m| at(d, m))
                    .collect();
                out.push((at(d, first), others));
            }
        }
    }
    out
}

/// Points each merged stop at the merged stops its article gave as other accounts of it.
fn link_accounts(stops: &mut [Stop], accounts: &[(Span, Vec<Span>)]) {
    let holding = |m: &Span, stops: &[Stop]| stops.iter().position(|s| s.mentions.contains(m));
    for (first, others) in accounts {
        let Some(k) = holding(first, stops) else {
            continue;
        };
        for other in others {
            if let Some(j) = holding(other, stops)
                && j != k
                && !stops[k].alternatives.contains(&j)
            {
                stops[k].alternatives.push(j);
            }
        }
    }
}

/// A merged stop as a stop of the text shown (its mentions and quotes moved to where their
/// article lies), and who told it.
fn combined_stop(m: MergedStop, at: &impl Fn(usize, Span) -> Span) -> (Stop, Told) {
    let MergedStop {
        mut stop,
        document,
        evidence,
        mentions,
        sources,
        attributed,
        disagreements,
    } = m;
    stop.mentions = mentions.iter().map(|&(d, s)| at(d, s)).collect();
    stop.evidence = evidence
        .iter()
        .map(|(d, e)| Evidence {
            span: at(*d, e.span),
            quote: e.quote.clone(),
        })
        .collect();
    if let Some(when) = &mut stop.when {
        when.span = at(document, when.span);
    }
    stop.sources = sources;
    // other accounts point into the route of the article that told them: linked again once
    // the merged route is whole (`link_accounts`)
    stop.alternatives = Vec::new();
    let told = Told {
        article: document,
        sources: attributed,
        evidence,
        disagreements,
    };
    (stop, told)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::{second_article_analysis, three_stop_analysis};

    #[test]
    fn texts_laid_end_to_end_begin_after_each_other_and_a_separator() {
        let table: [(&[usize], &[usize]); 4] = [
            (&[], &[]),
            (&[5], &[0]),
            (&[5, 3], &[0, 7]),
            (&[0, 0, 4], &[0, 2, 4]),
        ];
        for (lens, expect) in table {
            assert_eq!(starts(lens), expect, "{lens:?}");
        }
    }

    #[test]
    fn a_span_is_found_in_its_article() {
        // two articles of 5 and 3 bytes: 0..5, the separator 5..7, 7..10
        let (starts, lens) = (vec![0, 7], vec![5, 3]);
        let table = [
            ((0, 5), Some((0, (0, 5)))),
            ((2, 3), Some((0, (2, 3)))),
            ((7, 10), Some((1, (0, 3)))),
            ((8, 9), Some((1, (1, 2)))),
            ((4, 8), None),  // across the separator
            ((5, 6), None),  // in the separator
            ((9, 12), None), // past the end
        ];
        for ((a, b), expect) in table {
            let found = locate(&starts, &lens, Span::new(a, b));
            let expect = expect.map(|(d, (x, y))| (d, Span::new(x, y)));
            assert_eq!(found, expect, "{a}..{b}");
        }
        assert_eq!(locate(&[], &[], Span::new(0, 0)), None);
    }

    #[test]
    fn only_what_concerns_the_merged_route_is_corrected_after_merging() {
        let table = [
            (CorrectionKind::NotAStop, false),
            (CorrectionKind::NotAPlace, false),
            (
                CorrectionKind::Date {
                    date: chrono::NaiveDate::from_ymd_opt(2025, 6, 5).unwrap(),
                    time: None,
                },
                false,
            ),
            (CorrectionKind::Move { by: 1 }, true),
            (CorrectionKind::Traveller, true),
            (CorrectionKind::RenameActor { name: "A".into() }, true),
            (
                CorrectionKind::AddStop {
                    place: three_stop_analysis().actors[0].stops[0].place.clone(),
                },
                false,
            ),
            (
                CorrectionKind::MergeActors {
                    into: Span::new(4, 9),
                    into_mention: "envoy".into(),
                    into_article: 1,
                },
                true,
            ),
        ];
        for (kind, expect) in table {
            assert_eq!(after_merge(&kind), expect, "{kind:?}");
        }
    }

    fn correction(
        analysis: &Analysis,
        article: usize,
        kind: CorrectionKind,
        word: &str,
    ) -> Correction {
        let start = analysis.text.find(word).unwrap();
        let mut c =
            Correction::new(kind, &analysis.text, Span::new(start, start + word.len())).unwrap();
        c.article = article;
        c
    }

    fn route(analysis: &Analysis) -> Vec<&str> {
        analysis.actors[0]
            .stops
            .iter()
            .map(|s| s.place.name.as_str())
            .collect()
    }

    #[test]
    fn one_article_is_shown_as_its_corrections_leave_it() {
        let a = three_stop_analysis();
        let corrections = [correction(&a, 0, CorrectionKind::NotAStop, "Budapest")];
        let shown = shown(&[("a.txt", &a)], &corrections);
        let mut expect = a.clone();
        let applied = project::apply_corrections(&mut expect, 0, &corrections);
        assert_eq!(shown.analysis, expect);
        assert_eq!(shown.applied, applied);
        assert!(shown.combined.is_none());
    }

    #[test]
    fn two_articles_are_one_route_whose_spans_point_at_their_words() {
        let (a, b) = (three_stop_analysis(), second_article_analysis());
        let shown = shown(&[("a.txt", &a), ("b.txt", &b)], &[]);
        let analysis = &shown.analysis;
        assert_eq!(route(analysis), ["Vienna", "Budapest", "Belgrade", "Sofia"]);
        assert_eq!(analysis.text, format!("{}\n\n{}", a.text, b.text));
        assert_eq!(
            analysis.title.as_deref(),
            Some("Envoy on the Danube · Envoy reaches Sofia")
        );
        // every stop's mentions and quotes are its words in the text shown
        for stop in analysis.actors.iter().flat_map(|a| &a.stops) {
            for m in &stop.mentions {
                assert_eq!(&analysis.text[m.start..m.end], stop.place.name);
            }
            for e in &stop.evidence {
                assert_eq!(analysis.text[e.span.start..e.span.end], e.quote);
            }
        }
        for p in &analysis.places {
            assert_eq!(analysis.text[p.span.start..p.span.end], p.mention);
        }
        let combined = shown.combined.unwrap();
        assert_eq!(
            combined.range(1),
            Some(a.text.len() + 2..analysis.text.len())
        );
        // Belgrade: told by both, the second a day later
        let belgrade = &combined.told[0][2];
        assert_eq!(belgrade.article, 0);
        assert_eq!(belgrade.articles(), [0, 1]);
        assert_eq!(
            belgrade.sources,
            [(0, "officials".to_owned()), (1, "officials".to_owned())]
        );
        assert_eq!(belgrade.disagreements.len(), 1);
        assert_eq!(belgrade.disagreements[0].0, 1);
        assert_eq!(belgrade.disagreements[0].1.value, "2025-06-09");
        assert_eq!(combined.told[0][3].articles(), [1]);
    }

    #[test]
    fn an_articles_other_accounts_of_a_stop_point_at_the_merged_stops() {
        // the first article gives Budapest and Belgrade as two accounts of one arrival
        let mut a = three_stop_analysis();
        a.actors[0].stops[1].alternatives = vec![2];
        a.actors[0].stops[2].alternatives = vec![1];
        let b = second_article_analysis();
        let shown = shown(&[("a.txt", &a), ("b.txt", &b)], &[]);
        let stops = &shown.analysis.actors[0].stops;
        let at = |name: &str| stops.iter().position(|s| s.place.name == name).unwrap();
        let (budapest, belgrade) = (at("Budapest"), at("Belgrade"));
        assert_eq!(stops[budapest].alternatives, [belgrade]);
        assert_eq!(stops[belgrade].alternatives, [budapest]);
        assert!(stops[at("Sofia")].alternatives.is_empty());
        assert!(stops[at("Vienna")].alternatives.is_empty());
    }

    #[test]
    fn each_article_is_corrected_before_merging_and_the_route_after() {
        let (a, b) = (three_stop_analysis(), second_article_analysis());
        let corrections = [
            // the second article's Sofia is no stop
            correction(&b, 1, CorrectionKind::NotAStop, "Sofia"),
            // the merged route: Vienna after Budapest
            correction(&a, 0, CorrectionKind::Move { by: 1 }, "Vienna"),
            // the deputy is the traveller; a correction of a third article applies nowhere
            correction(&a, 0, CorrectionKind::Traveller, "deputy"),
            correction(&a, 2, CorrectionKind::NotAStop, "Vienna"),
        ];
        let shown = shown(&[("a.txt", &a), ("b.txt", &b)], &corrections);
        assert_eq!(shown.applied, [true, true, true, false]);
        let analysis = &shown.analysis;
        assert_eq!(analysis.actors[0].name, "Deputy");
        assert_eq!(
            analysis.actors[1]
                .stops
                .iter()
                .map(|s| s.place.name.as_str())
                .collect::<Vec<_>>(),
            ["Budapest", "Vienna", "Belgrade"]
        );
        // the cards' table followed the stops it tells of
        let combined = shown.combined.unwrap();
        assert_eq!(combined.told[1][2].articles(), [0, 1]);
        assert_eq!(combined.told[1][1].articles(), [0]);
        assert_eq!(combined.told[0].len(), 1);
    }
}
