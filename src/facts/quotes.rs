//! Direct quotations and who said them.
//!
//! A quotation is a span between paired quotation marks (“…”, "…", «…», „…“, ‚…‘, ‘…’,
//! 「…」, 『…』) of at least six words (ten characters in scripts without spaces); shorter
//! spans are scare quotes or fragments. A quotation opened and not closed in its sentence
//! runs on into the next ones ([`Quote::open`]); its attribution follows the closing mark
//! there ([`closing`]).
//! The speaker is found by the attribution patterns of news writing in each language:
//! `“…,” X said`, `“…,” said X`, `X said: “…”`, `according to X`, `«…», a déclaré X`,
//! `„…“, sagte X`, `X предупредила: «…»`, `X表示：“…”`, `“…”X说`, `Xは「…」と述べた`,
//! `X는 “…”고 말했다`. The attribution is returned both as a short phrase (a name, a pronoun
//! or a noun phrase such as "the statement", resolved by `facts::extract`) and as the byte
//! range of the sentence that holds it, where the people and organisations found are looked
//! up first.

use crate::lexicon;
use crate::script::is_east_asian;

/// A quotation in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quote {
    /// The quoted words, without the marks and trailing comma.
    pub text: String,
    /// Byte range of the quoted words in the sentence.
    pub start: usize,
    pub end: usize,
    /// The attribution as written ("the statement", "Lavrov", "he"), if found.
    pub speaker_phrase: Option<String>,
    /// Byte range of the sentence that holds the attribution (the speaker is the person or
    /// organisation named there), if there is one.
    pub speaker_span: Option<(usize, usize)>,
    /// Whether the quotation is part of the sentence's own clause (`… efforts to “counter
    /// …”`) rather than a statement on its own.
    pub embedded: bool,
    /// The closing mark still awaited when the quotation runs on past its sentence.
    pub open: Option<char>,
    /// The attribution is another quotation's of the same sentence (a second quotation
    /// goes on with what the first said).
    pub inherited: bool,
}

/// An attribution found around a quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    /// The attribution as written, shortened to its subject.
    pub phrase: Option<String>,
    /// Byte range of the attribution in the sentence.
    pub span: (usize, usize),
}

/// Fewest words of a quotation worth listing ("I now do recall" is not a statement).
const MIN_QUOTE_WORDS: usize = 6;

/// The quotation mark pairs, in the order tried (lang/common.toml, `quote_marks`). Order
/// matters where one mark serves two styles: German „…“ closes with the mark that opens
/// English “…”.
fn pairs() -> impl Iterator<Item = (char, char)> {
    crate::lexicon::ALL.quote_marks.iter().filter_map(|p| {
        let mut chars = p.chars();
        Some((chars.next()?, chars.next()?))
    })
}

/// Whether a mark at byte `at` of `text` sits inside a word (an apostrophe: "don’t").
fn inside_word(text: &str, at: usize, mark: char) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + mark.len_utf8()..].chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphabetic)
}

/// Whether the mark may open a quotation here: not inside a word, and for the marks that
/// double as apostrophes not right after a letter.
fn may_open(text: &str, at: usize, mark: char) -> bool {
    if matches!(mark, '‘' | '‚' | '\'' | '"') {
        return !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
    }
    true
}

/// The closing mark's byte position after `from` and the mark found there, skipping
/// apostrophes. Pages mix straight and curly double marks ("…” and “…" after an edit), so a
/// double quotation opened by one closes at the other too. A straight " that opens (after a
/// space or an opening bracket, before a letter: `the fee for every employee ("seats") to`)
/// starts a quotation inside this one, and the mark that closes it is skipped.
fn find_close(text: &str, from: usize, open: char, close: char) -> Option<(usize, char)> {
    let closers: &[char] = match (open, close) {
        ('"', _) => &['"', '”'],
        ('“', '”') => &['”', '"'],
        _ => &[close],
    };
    let mut depth = 0;
    let mut at = from;
    while let Some(p) = text[at..].find(closers).map(|p| p + at) {
        let mark = text[p..].chars().next().unwrap_or(close);
        at = p + mark.len_utf8();
        if mark == '’' && inside_word(text, p, mark) {
            continue;
        }
        if mark == '"' && opens_inside(text, p) {
            depth += 1;
            continue;
        }
        if depth > 0 {
            depth -= 1;
            continue;
        }
        return Some((p, mark));
    }
    None
}

/// Whether a straight " at byte `at` opens a quotation: after white space or an opening
/// bracket, and before a letter or a digit.
fn opens_inside(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{'))
        && after.is_some_and(char::is_alphanumeric)
}

fn long_enough(inner: &str) -> bool {
    let words = inner.split_whitespace().count();
    let chars = inner.chars().count();
    if inner.contains(' ') {
        words >= MIN_QUOTE_WORDS
    } else {
        // No space: a CJK clause, or a single quoted word ("‘significantly’ raising costs"),
        // which is a scare quote.
        chars >= 6 && inner.chars().any(is_east_asian)
    }
}

/// Finds the quotations of a sentence.
pub(crate) fn find(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Byte ranges of every mark pair found, to bound each attribution by its neighbours.
    for (open, close) in pairs() {
        let mut rest = 0;
        while let Some(o) = text[rest..].find(open).map(|p| p + rest) {
            let inner_start = o + open.len_utf8();
            rest = inner_start;
            if !may_open(text, o, open) || out.iter().any(|q| q.start <= inner_start && inner_start <= q.end + 3) {
                continue;
            }
            let (c, close, unclosed) = match find_close(text, inner_start, open, close) {
                Some((c, mark)) => (c, mark, false),
                // Runs on into the next sentence: only from a sentence or clause opening.
                None => {
                    let b = text[..o].trim_end();
                    let opening = b.is_empty() || b.ends_with([':', '：', '.', '。']) || o == 0;
                    if !opening || open == '"' {
                        break;
                    }
                    (text.len(), close, true)
                }
            };
            rest = if unclosed { text.len() } else { c + close.len_utf8() };
            let raw = &text[inner_start..c];
            let inner = raw.trim().trim_end_matches([',', ' ']);
            if !long_enough(inner) {
                continue;
            }
            let lead = raw.len() - raw.trim_start().len();
            let before = text[..o].trim_end();
            let embedded = inner.starts_with(|c: char| c.is_lowercase())
                || before.ends_with(|c: char| c.is_alphanumeric())
                    && !before.ends_with("said")
                    && !before.ends_with("says")
                    && !before.chars().next_back().is_some_and(is_east_asian);
            out.push(Quote {
                text: inner.to_string(),
                start: inner_start + lead,
                end: inner_start + lead + inner.len(),
                speaker_phrase: None,
                speaker_span: None,
                embedded,
                open: unclosed.then_some(close),
                inherited: false,
            });
            if unclosed {
                break;
            }
        }
    }
    crate::vector::sort_by_key(&mut out, |q: &Quote| q.start);
    // Attributions, each bounded by the quotations beside it.
    for i in 0..out.len() {
        let lo = if i == 0 { 0 } else { mark_end(text, out[i - 1].end) };
        let hi = out.get(i + 1).map_or(text.len(), |q| mark_start(text, q.start));
        let o = mark_start(text, out[i].start);
        let after_from = if out[i].open.is_some() { text.len() } else { mark_end(text, out[i].end) };
        if let Some(a) = attribution(text, lo, o, after_from, hi) {
            out[i].speaker_phrase = a.phrase;
            out[i].speaker_span = Some(a.span);
        }
    }
    // Several quotations in one sentence with one attribution ("X는 “…”며 “…”고 말했다").
    for i in 0..out.len() {
        if out[i].speaker_span.is_none() {
            let other = (0..out.len())
                .filter(|&j| j != i)
                .find_map(|j| out[j].speaker_span.map(|s| (s, out[j].speaker_phrase.clone())));
            if let Some((span, phrase)) = other {
                out[i].speaker_span = Some(span);
                out[i].speaker_phrase = phrase;
                out[i].embedded = false;
                out[i].inherited = true;
            }
        }
    }
    out
}

/// The byte position of the opening mark before a quotation's words.
fn mark_start(text: &str, inner: usize) -> usize {
    let t = text[..inner].trim_end();
    t.len() - t.chars().next_back().map_or(0, char::len_utf8)
}

/// The byte position after the closing mark (and a comma or a dash) after a quotation's words.
fn mark_end(text: &str, inner_end: usize) -> usize {
    let rest = &text[inner_end..];
    let skip = rest
        .char_indices()
        .find(|&(_, c)| !(matches!(c, ',' | '،') || c.is_whitespace() || pairs().any(|p| p.1 == c)))
        .map_or(rest.len(), |(i, _)| i);
    inner_end + skip
}

fn is_verb(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty()
        && (lexicon::REPORTING_VERBS.contains(w)
            || lexicon::other_languages(|l| &l.reporting_verbs).any(|t| t.contains_ci(w)))
}

/// Words (with their byte offsets in `text`) of `text[from..to]`.
fn words_at(text: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = from;
    for w in text[from..to].split(char::is_whitespace) {
        if !w.is_empty() {
            out.push((pos, w));
        }
        pos += w.len() + 1;
    }
    out
}

/// Whether a word ends a clause (a sentence stop, a semicolon).
fn ends_clause(w: &str) -> bool {
    w.ends_with(['.', ';', '!', '?']) && !w.ends_with("..")
}

/// The attribution of the quotation whose opening mark is at `o` and whose closing mark ends
/// at `after`; `lo..hi` bounds it (the quotations before and after).
fn attribution(text: &str, lo: usize, o: usize, after: usize, hi: usize) -> Option<Attribution> {
    // Quotations of different mark pairs may nest or overlap: keep the bounds in order.
    let (lo, hi) = (lo.min(o), hi.max(after));
    // After: "…”, X said", "…», a déclaré X", "…“, sagte X", "…» – заявил X", "…”X说".
    let a_start = after + text[after..hi].len()
        - text[after..hi].trim_start_matches([',', '،', ' ', '–', '—', '-', '\u{a0}', '\u{202f}']).len();
    let a = &text[a_start..hi];
    let cjk_after = a.chars().next().is_some_and(is_east_asian);
    let particle_after = lexicon::ALL.quote_particles.iter().any(|p| a.starts_with(p));
    // A colon before the quotation names the speaker there ("X表示：“…”他说，…").
    let colon_before = text[lo..o].trim_end().ends_with([':', '：']);
    if !cjk_after && a_start < hi && !colon_before {
        let words = words_at(text, a_start, hi);
        if let Some(v) = words.iter().take(8).position(|(_, w)| is_verb(w)) {
            let aux_only = words[..v].iter().all(|(_, w)| lexicon::ALL.quote_auxiliaries.contains(&w.to_lowercase()));
            let broken = words[..v].iter().any(|(_, w)| ends_clause(w));
            if !aux_only && v <= 6 && !broken {
                let phrase = words[..v].iter().map(|w| w.1).collect::<Vec<_>>().join(" ");
                let phrase = phrase.trim_end_matches(',').to_string();
                return Some(Attribution { phrase: Some(phrase), span: (a_start, words[v].0) });
            }
            if aux_only && !broken {
                // "said X", "a déclaré le président-directeur général, Jean-Baptiste de Montclar"
                let mut phrase: Vec<&str> = Vec::new();
                if !ends_clause(words[v].1) && !words[v].1.ends_with(',') {
                    for (_, w) in words[v + 1..].iter().take(6) {
                        phrase.push(w.trim_end_matches([',', '.', ';']));
                        if w.ends_with([',', '.', ';']) {
                            break;
                        }
                    }
                }
                let p = phrase.join(" ");
                let p = p.trim_end_matches([',', '.']);
                // "», añadió." names no one: the speaker said it before.
                let p = if p.is_empty() { "he" } else { p };
                let end = words[v..].iter().find(|(_, w)| ends_clause(w)).map_or(hi, |(s, w)| s + w.len());
                return Some(Attribution { phrase: Some(p.to_string()), span: (words[v].0, end) });
            }
        }
    }
    if cjk_after && !particle_after && !colon_before {
        // "”白沙镇旧县村村民李秀英说。": the speaker between the mark and a verb at the clause end.
        let clause_end = a.find(['。', '，', '；', '!', '！']).unwrap_or(a.len());
        let clause = &a[..clause_end];
        if clause.chars().count() <= 30 {
            if let Some(v) = lexicon::ZH
                .reporting_verbs
                .iter()
                .filter(|v| clause.ends_with(*v))
                .map(|v| clause.len() - v.len())
                .max()
            {
                if v > 0 {
                    return Some(Attribution { phrase: Some(clause[..v].to_string()), span: (a_start, a_start + v) });
                }
            }
        }
    }
    // Before: "X said: “…”", "X said “…”", "according to X, “…”", "X表示：“…”", and in Japanese
    // and Korean "Xは「…」と述べた", "X는 “…”고 말했다".
    let b = text[lo..o].trim_end();
    let colon = b.ends_with([':', '：']);
    let b = b.trim_end_matches([':', '：', ',', '，']).trim_end();
    if b.is_empty() {
        return None;
    }
    let span = (lo, lo + b.len());
    if particle_after {
        // "…”이라며 “…”고 말했다": the second quotation's speaker is the first one's.
        if lo > 0 && lexicon::ALL.quote_particles.iter().any(|p| b.starts_with(p)) {
            return None;
        }
        return Some(Attribution { phrase: None, span });
    }
    let bw: Vec<&str> = b.split_whitespace().collect();
    let last = bw.last().map_or("", |w| w.trim_end_matches([',', ':']));
    let thatish = matches!(last, "that" | "que" | "dass" | "che" | "dat" | "что");
    if is_verb(last) || thatish && bw.len() >= 2 && is_verb(bw[bw.len() - 2]) {
        let verb_at = if is_verb(last) { bw.len() - 1 } else { bw.len() - 2 };
        let subject: Vec<&str> = bw[..verb_at]
            .iter()
            .rev()
            .take_while(|w| !w.ends_with([',', '.', ';', ':']))
            .take(6)
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let phrase = (!subject.is_empty()).then(|| subject.join(" "));
        return Some(Attribution { phrase, span });
    }
    // Arabic puts the verb first and إن or أن ("that") before the quotation: "وقال محافظ البنك
    // حسن عبد الله إن «…»", "أكد الدكتور خالد المصري أن «…»": the speaker stands between.
    if matches!(last, "إن" | "أن") {
        let clause: Vec<&str> =
            bw[..bw.len() - 1].iter().rev().take_while(|w| !ends_clause(w)).take(10).copied().collect();
        if let Some(v) = clause.iter().position(|w| is_verb(w)) {
            let subject: Vec<&str> = clause[..v].iter().rev().map(|w| w.trim_end_matches([',', '،'])).collect();
            let phrase = (!subject.is_empty()).then(|| subject.join(" "));
            return Some(Attribution { phrase, span });
        }
    }
    // "according to X,", "selon X,", "según X,", "volgens X", "по словам X"
    for cue in lexicon::ALL.according_to.iter() {
        let cue = format!("{cue} ");
        if let Some(p) = b.rfind(&cue) {
            let from = p + cue.len();
            let x = b[from..].split(',').next().unwrap_or("").trim();
            if !x.is_empty() && x.split_whitespace().count() <= 6 {
                return Some(Attribution { phrase: Some(x.to_string()), span: (lo + from, lo + b.len()) });
            }
        }
    }
    if colon {
        // "Son avocat, Me Antoine Lacombe, a annoncé son intention de faire appel : « … »":
        // the speaker is whoever the clause before the colon names.
        return Some(Attribution { phrase: None, span });
    }
    None
}

/// The attribution after the closing mark of a quotation that opened in an earlier sentence:
/// `close` is the mark awaited. `None` when this sentence does not close it.
pub(crate) fn closing(text: &str, close: char) -> Option<Attribution> {
    let (c, _) = find_close(text, 0, close, close)?;
    // An opening mark before it would make it a quotation of this sentence.
    if pairs().any(|(o, cl)| cl == close && o != close && text[..c].contains(o)) {
        return None;
    }
    let after = mark_end(text, c);
    attribution(text, c, c, after, text.len()).filter(|a| a.span.0 >= c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_attribution() {
        let q = find("“We hope the Afghan interim government will protect the basic rights of all Afghan people,” the statement said.");
        assert_eq!(q.len(), 1);
        assert!(q[0].text.starts_with("We hope the Afghan interim government"));
        assert!(!q[0].text.ends_with(','));
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("the statement"));

        let q = find("Lavrov said: “We will keep working with our partners in the region.”");
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("Lavrov"));

        let q = find("\"It was an attempt to mislead voters,\" said Will Moy, chief executive of Full Fact.");
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("Will Moy"));
    }

    #[test]
    fn scare_quotes_are_not_quotations() {
        assert!(find("The so-called “instant rebuttal” unit was renamed.").is_empty());
        assert!(find("They coordinated efforts to “counter the threats of terrorism and drug trafficking from the Afghan territory.”").len() == 1);
    }

    fn phrase(text: &str) -> Option<String> {
        find(text).first().and_then(|q| q.speaker_phrase.clone())
    }

    fn span_text(text: &str) -> String {
        let q = find(text);
        let (a, b) = q[0].speaker_span.expect("an attribution span");
        text[a..b].to_string()
    }

    #[test]
    fn attributions_after_the_quote_in_other_languages() {
        assert!(span_text(
            "« Nous avons fait tout notre possible pour sauver le site », a déclaré le président, Jean Dupont."
        )
        .contains("Jean Dupont"));
        assert!(span_text("„Wir haben lange auf eine Erholung der Nachfrage gehofft“, sagte Anna Müller.")
            .contains("Anna Müller"));
        assert!(span_text(
            "«Мы сохраняем программу в полном объеме несмотря ни на что», – заявил директор Иван Петров."
        )
        .contains("Иван Петров"));
        assert_eq!(phrase("“Este equipo no se rinde nunca, lo sabíamos todos”, dijo Olivera."), Some("Olivera".into()));
        // "», añadió." names no one: the last speaker goes on.
        assert_eq!(phrase("«Ninguna familia debería pagar más de lo que gana al mes», añadió."), Some("he".into()));
    }

    #[test]
    fn attributions_before_a_colon_and_in_cjk() {
        assert!(span_text("Son avocat, Me Paul Martin, a annoncé son intention de faire appel : « Ce jugement repose sur rien du tout. »")
            .contains("Paul Martin"));
        assert!(span_text("董事长陈立新表示：“储能市场正处在爆发前夜，我们必须提前布局产能。”").contains("陈立新"));
        assert!(span_text("“水一下子就漫到了腰，我们只来得及跑出来。”村民李秀英说。").contains("李秀英"));
        assert!(
            span_text("山田浩二社長は「米国では関税の影響もあり、重要性が増している」と述べた。").contains("山田浩二")
        );
        let q = find("박성훈 대표는 “인공지능 수요 급증으로 반도체 시장은 향후 5년간 크게 성장할 것”이라며 “선제 투자로 시장 점유율을 두 배로 끌어올리겠다”고 말했다.");
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|x| x.speaker_span.is_some_and(|(a, b)| {
            "박성훈 대표는 “인공지능 수요 급증으로 반도체 시장은 향후 5년간 크게 성장할 것”이라며 “선제 투자로 시장 점유율을 두 배로 끌어올리겠다”고 말했다."[a..b]
                .contains("박성훈")
        })));
    }

    /// Straight and curly double marks mixed in one quotation, a quotation inside a straight
    /// one, a quoted single word.
    #[test]
    fn mixed_marks_nested_quotes_and_single_words() {
        let cases = [
            ("\"And I asked, well, on whose authority?” said Hill, who will testify Thursday.", "And I asked, well, on whose authority?", Some("Hill")),
            ("“We will not close a single school this year,\" the mayor said on Monday.", "We will not close a single school this year", Some("the mayor")),
            ("\"The old way meant paying a fee for every employee (\"seats\") to use fixed features,\" Houssaini said.", "The old way meant paying a fee for every employee (\"seats\") to use fixed features", Some("Houssaini")),
            ("\"Der Plan ist gut, aber \"zu teuer\" für die Stadt und ihre Bürger\", sagte Anna Müller.", "Der Plan ist gut, aber \"zu teuer\" für die Stadt und ihre Bürger", Some("Anna Müller")),
        ];
        for (text, quote, speaker) in cases {
            let q = find(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].text, quote, "{text}");
            assert_eq!(q[0].speaker_phrase.as_deref(), speaker, "{text}");
        }
        for text in [
            "HCA said use of the drugs surged 90% this year, ‘significantly’ raising costs.",
            "Le maire a parlé d’une « catastrophe » pour la ville.",
            "Die Stadt nennt das Projekt „Jahrhundertchance“ für alle.",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn single_quotes_and_quotes_that_run_on() {
        let q = find("‘We kunnen niet wachten tot het misgaat’, zei Marieke de Groot.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We kunnen niet wachten tot het misgaat");
        // An apostrophe inside the quotation does not close it.
        let q = find("‘It’s the biggest change we have made in years’, she said.");
        assert!(q[0].text.starts_with("It’s the biggest change"));
        let q = find("„Wir haben lange gehofft, dass sich die Nachfrage erholt.");
        assert_eq!(q[0].open, Some('“'));
        let a =
            closing("Diese Hoffnung hat sich nicht erfüllt“, sagte von Hallberg.", '“').expect("closing attribution");
        assert_eq!(a.phrase.as_deref(), Some("von Hallberg"));
    }
}
