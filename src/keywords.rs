//! Key phrases: runs of content words (no stopword or punctuation between them), scored by
//! the weight of their words and how often the phrase occurs — the candidate generation of
//! RAKE (Rose et al. 2010, "Automatic keyword extraction from individual documents") with a
//! position-weighted term frequency in place of RAKE's degree/frequency ratio, which favours
//! long rare phrases. Chinese, Japanese and Korean articles have their own candidates (see
//! [`cjk`]): content words, never particles or endings.

use crate::lexicon;
use crate::model::Keyword;
use crate::script::is_cjk;
use crate::token::{TermId, Tokenized};
use rustc_hash::FxHashMap as HashMap;

/// Longest phrase, in words.
const MAX_PHRASE_WORDS: usize = 3;

/// A sentence as keyword extraction sees it.
pub(crate) struct KeywordInput<'a> {
    pub text: &'a str,
    pub tok: &'a Tokenized,
    /// Rank among the article's sentences (earlier sentences weigh more).
    pub rank: usize,
}

/// A phrase's terms, unused slots set to `NONE`: a fixed-size key, no allocation per
/// occurrence.
type Key = [TermId; MAX_PHRASE_WORDS];
const NONE: TermId = TermId::MAX;

struct Phrase<'a> {
    key: Key,
    count: usize,
    /// Written forms and how often each occurs; a form at the start of a sentence counts half
    /// (its capital may be the sentence's, not the phrase's).
    forms: HashMap<&'a str, usize>,
    first_rank: usize,
}

impl Phrase<'_> {
    fn terms(&self) -> impl Iterator<Item = TermId> + '_ {
        self.key.iter().copied().filter(|&t| t != NONE)
    }

    fn len(&self) -> usize {
        self.terms().count()
    }
}

/// The top `k` key phrases of the article.
///
/// `lang`: the article's ISO 639-1 code (which language's measure words are no keywords).
pub(crate) fn extract(sentences: &[KeywordInput], title_terms: &[TermId], k: usize, lang: &str) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    if let Some(script) = cjk::script_of(sentences) {
        return cjk::extract(script, sentences, title_terms, k);
    }
    let tables = lexicon::for_lang(lang);
    // Whether a word is filler, looked up once per distinct word (a dozen table lookups each).
    let mut fillers: HashMap<&str, bool> = HashMap::default();
    let mut filler = |w| *fillers.entry(w).or_insert_with(|| is_filler(w, tables));
    // Position-weighted term frequency.
    let mut weight: HashMap<TermId, f64> = HashMap::default();
    for s in sentences {
        let w = 1.0 + 1.0 / (1.0 + s.rank as f64 / 3.0);
        for &t in &s.tok.terms {
            *weight.entry(t).or_default() += w;
        }
    }
    for t in title_terms {
        if let Some(w) = weight.get_mut(t) {
            *w *= 1.5;
        }
    }

    // Phrases in order of first occurrence (an index by key beside them), so that ties in score
    // fall the same way on every platform.
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::default();
    for s in sentences {
        let toks = &s.tok.tokens;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let text = t.text(s.text);
            let cjk = text.chars().next().is_some_and(is_cjk);
            let bare = text.trim_end_matches("'s").trim_end_matches("’s");
            if t.term.is_none() || t.numeric || !cjk && bare.len() < 3 {
                i += 1;
                continue;
            }
            if cjk {
                // A CJK bigram: the previous character and this one.
                if i > 0 && toks[i - 1].end == t.start {
                    let form = &s.text[toks[i - 1].start as usize..t.end as usize];
                    add(&mut phrases, &mut index, [t.term.unwrap_or(NONE), NONE, NONE], form, s.rank, false);
                }
                i += 1;
                continue;
            }
            // A run of content words separated only by spaces or hyphens.
            if filler(text) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j - i < MAX_PHRASE_WORDS {
                let gap = &s.text[toks[j - 1].end as usize..toks[j].start as usize];
                let next = &toks[j];
                // A phrase does not run from common words into a name ("goods giant Home") nor
                // from a name into common words ("PG&E's principal meteorologist").
                let into_name = next.capitalised != toks[j - 1].capitalised && (next.capitalised || i > 0);
                let possessive = toks[j - 1].text(s.text).ends_with("'s") || toks[j - 1].text(s.text).ends_with("’s");
                let ok = next.term.is_some()
                    && !next.numeric
                    && (gap == " " || gap == "-")
                    && !into_name
                    && !possessive
                    && !filler(next.text(s.text));
                if !ok {
                    break;
                }
                j += 1;
            }
            // A name (a run of capitalised words past the sentence's first word) is one
            // candidate, whole: "Russian Foreign Ministry", not "Foreign". Otherwise every sub-run
            // starting at i is a candidate ("regional", "regional security").
            let name = (i..j).all(|k| toks[k].capitalised) && (i > 0 || j - i > 1);
            let mut key = [NONE; MAX_PHRASE_WORDS];
            for end in i + 1..=j {
                key[end - 1 - i] = toks[end - 1].term.unwrap_or(NONE);
                if name && end < j {
                    continue;
                }
                let form = &s.text[toks[i].start as usize..toks[end - 1].end as usize];
                // A title or a nationality alone says little ("Minister", "Afghan").
                let single_label =
                    end == i + 1 && (lexicon::PERSON_TITLES.contains(form) || lexicon::DEMONYMS.contains(form));
                if !single_label {
                    add(&mut phrases, &mut index, key, form, s.rank, i == 0);
                }
            }
            i = if name { j } else { i + 1 };
        }
    }

    let scored: Vec<(f64, Phrase)> = phrases
        .into_iter()
        .filter(|p| p.count >= 2 || p.len() >= 2 && p.first_rank < 3)
        .map(|p| {
            let n = p.len() as f64;
            let mean: f64 = p.terms().map(|t| weight.get(&t).copied().unwrap_or(0.0)).sum::<f64>() / n;
            let s = mean * (1.0 + 0.7 * (n - 1.0)) * (1.0 + (p.count as f64).ln());
            (s, p)
        })
        .collect();
    let order = crate::vector::order_desc(&scored.iter().map(|x| x.0).collect::<Vec<f64>>());
    let mut slots: Vec<Option<(f64, Phrase)>> = scored.into_iter().map(Some).collect();
    let scored: Vec<(f64, Phrase)> = order.into_iter().filter_map(|i| slots[i].take()).collect();

    let mut out: Vec<Keyword> = Vec::new();
    let mut chosen: Vec<Vec<TermId>> = Vec::new();
    let top = scored.first().map_or(1.0, |s| s.0.max(1e-9));
    for (s, p) in scored {
        if out.len() >= k {
            break;
        }
        // Skip a phrase whose words another chosen phrase already covers, or that covers one.
        let terms: Vec<TermId> = p.terms().collect();
        let overlaps =
            chosen.iter().any(|c| terms.iter().all(|t| c.contains(t)) || c.iter().all(|t| terms.contains(t)));
        if overlaps {
            continue;
        }
        let form = p.forms.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(f, _)| f.to_string());
        chosen.push(terms);
        out.push(Keyword {
            text: form.unwrap_or_default(),
            score: (s / top * 1000.0).round() / 1000.0,
            count: p.count,
        });
    }
    out
}

/// Words that carry no topic though they are not stopwords: reporting verbs ("said",
/// "kündigte"), connective adverbs ("also", "still"), the language's pronouns, demonstratives
/// and connectives (the stopword lists miss some: French "cette") and the words that measure rather than
/// name — units of time and measure as written after a figure, currency names, scale,
/// percent and number words ("years", "euros", "Mio", "Prozent", "minutos"), which the key
/// facts show with their figures. `lang`: the tables of the article's language (English's
/// reporting verbs and currency names are read for every language: the French file leaves
/// "euros" to the English one).
fn is_filler(word: &str, lang: Option<&'static lexicon::Lang>) -> bool {
    // Exact lookups: the tables write a unit as it runs in text ("years", "Jahre"), and a
    // capitalised English word ("Square" in "Times Square") is a name's.
    let measures = |l: &'static lexicon::Lang| {
        l.reporting_verbs.contains_ci(word)
            || l.unit_forms.contains(word)
            || l.durations.contains(word)
            || l.age_units.contains(word)
            || l.currency_words.contains(word)
            || l.percent_words.contains(word)
            || l.scale_words.contains(word)
            || l.scale_forms.contains(word)
            // "Mio" of "Mio.": an abbreviation written with its full stop.
            || l.scale_forms.iter().any(|e| e.strip_suffix('.') == Some(word))
            || l.number_words.contains(word)
            // Closed classes: pronouns and demonstratives ("cette", "diese"), connectives
            // ("ainsi", "jedoch"): a phrase never holds one.
            || l.leaning_pronouns.contains_ci(word)
            || l.leaning_connectives.contains_ci(word)
            // Arabic function words with a particle written on ("بأن", "وفي"); the CJK
            // languages read theirs in `cjk`.
            || l.keyword_function_words.contains(word)
    };
    lexicon::REPORTING_VERBS.contains_ci(word)
        || lexicon::DANGLING_OPENERS.contains_ci(word)
        || lexicon::ALL.modals.iter().any(|m| m.eq_ignore_ascii_case(word))
        || word.len() <= 3 && word.chars().count() <= 2
        || lang.is_some_and(measures)
        || lexicon::EN.currency_words.contains(word) // "euros" in any language
}

fn add<'a>(
    phrases: &mut Vec<Phrase<'a>>,
    index: &mut HashMap<Key, usize>,
    key: Key,
    form: &'a str,
    rank: usize,
    sentence_start: bool,
) {
    let i = *index.entry(key).or_insert_with(|| {
        phrases.push(Phrase { key, count: 0, forms: HashMap::default(), first_rank: rank });
        phrases.len() - 1
    });
    let p = &mut phrases[i];
    p.count += 1;
    *p.forms.entry(form).or_default() += if sentence_start { 1 } else { 2 };
    p.first_rank = p.first_rank.min(rank);
}

/// Key phrases of Chinese, Japanese and Korean articles: content words, never particles or
/// endings, found without a dictionary.
///
/// - Japanese: runs of kanji and katakana (compounds kept whole: ハイブリッド車) and of Latin
///   letters; hiragana is function material, except the place names of `hiragana_words`. A
///   run's last kanji is cut when hiragana other than a particle or a form of する follows (the
///   stem of a verb: 車向け → 車).
/// - Chinese: Han n-grams inside runs between punctuation that neither start nor end with a
///   function character (的, 了, 是 …), merged into the longest form that recurs (新能源 inside
///   华瑞新能源 when most of its occurrences are there).
/// - Korean: eojeol (words between spaces) without their trailing particles and endings,
///   longest first (투입한다고 → 투입); a word that is itself the stem of another is kept whole
///   (국가 beside 국가는).
///
/// Both Han scripts score an n-gram by the position-weighted frequency of its occurrences, its
/// length and the title's bigrams. Runs that follow a digit lose their counters (350億円).
pub(crate) mod cjk {
    use super::KeywordInput;
    use crate::lexicon::{self, Table};
    use crate::model::Keyword;
    use crate::script::{is_han, is_hangul, is_hiragana, is_katakana};
    use crate::token::TermId;
    use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

    /// The writing of an article whose keywords are found here.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub(crate) enum Script {
        Chinese,
        Japanese,
        Korean,
    }

    /// Longest n-gram, in characters.
    const MAX_CHARS: usize = 12;

    /// Most characters of an article whose n-grams are counted (about 90 KB of Chinese or
    /// Japanese; a news article has 1,000 to 5,000).
    const MAX_TEXT_CHARS: usize = 30_000;

    fn is_digit(c: char) -> bool {
        c.is_ascii_digit() || matches!(c as u32, 0xff10..=0xff19)
    }

    fn is_latin(c: char) -> bool {
        c.is_ascii_alphabetic() || matches!(c as u32, 0xff21..=0xff3a | 0xff41..=0xff5a)
    }

    /// The script of an article written mostly in Han, kana or Hangul; `None` for the others
    /// (whose keywords stay those of the main extractor).
    pub(crate) fn script_of(sentences: &[KeywordInput]) -> Option<Script> {
        let (mut han, mut kana, mut hangul, mut other) = (0usize, 0usize, 0usize, 0usize);
        for c in sentences.iter().flat_map(|s| s.text.chars()) {
            if is_han(c) {
                han += 1;
            } else if is_hiragana(c) || is_katakana(c) {
                kana += 1;
            } else if is_hangul(c) {
                hangul += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        let cjk = han + kana + hangul;
        if cjk == 0 || cjk * 2 < other {
            None
        } else if hangul >= han + kana {
            Some(Script::Korean)
        } else if kana * 10 >= han + kana {
            Some(Script::Japanese)
        } else {
            Some(Script::Chinese)
        }
    }

    /// A stretch of text that holds candidates: n-grams of a Han run, or one whole word.
    struct Segment {
        chars: Vec<char>,
        rank: usize,
        /// A whole word (Latin letters, a hiragana place name, a Korean stem): no n-grams.
        whole: bool,
    }

    /// A candidate with its occurrences.
    struct Gram {
        text: String,
        count: usize,
        /// Occurrences as a whole segment (a whole run between hiragana, punctuation or spaces).
        whole: usize,
        /// Position-weighted count.
        weight: f64,
        first_rank: usize,
        chars: usize,
    }

    fn rank_weight(rank: usize) -> f64 {
        1.0 + 1.0 / (1.0 + rank as f64 / 3.0)
    }

    fn starts_with_any(chars: &[char], table: &Table) -> bool {
        let s: String = chars.iter().take(4).collect();
        table.iter().any(|w| s.starts_with(w))
    }

    /// A Latin or digit run from `i`: a candidate word when it starts with a letter (a run that
    /// starts with a digit is a number or a quantity: 20GWh).
    fn latin_run(chars: &[char], i: usize, rank: usize, out: &mut Vec<Segment>) -> usize {
        let mut j = i;
        while j < chars.len() && (is_latin(chars[j]) || is_digit(chars[j])) {
            j += 1;
        }
        let preceded_by_digit = i > 0 && is_digit(chars[i - 1]);
        if is_latin(chars[i]) && j - i >= 2 && !preceded_by_digit {
            out.push(Segment { chars: chars[i..j].to_vec(), rank, whole: true });
        }
        j
    }

    /// Cuts counters from the start of a run that follows a digit (億円 of 350億円).
    fn cut_counters(run: &mut Vec<char>, after_digit: bool, counters: &Table) {
        if after_digit {
            let cut = run.iter().take_while(|c| counters.contains(c.encode_utf8(&mut [0; 4]))).count();
            run.drain(..cut);
        }
    }

    /// Walks the characters of `text`: `step` reads from index `i` and returns the index where
    /// the next step starts (always past `i`).
    fn each_run(text: &str, mut step: impl FnMut(&[char], usize) -> usize) {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            i = step(&chars, i).max(i + 1);
        }
    }

    /// The end of the run of characters from `i` on that `class` accepts.
    fn run_end(chars: &[char], i: usize, class: impl Fn(char) -> bool) -> usize {
        i + chars[i..].iter().take_while(|&&c| class(c)).count()
    }

    fn japanese_segments(text: &str, rank: usize, out: &mut Vec<Segment>) {
        let ja = &lexicon::JA;
        let content = |c: char| is_han(c) || is_katakana(c);
        each_run(text, |chars, i| {
            let c = chars[i];
            if content(c) {
                let j = run_end(chars, i, content);
                let mut run = chars[i..j].to_vec();
                // A hiragana place name just before the run is its first part (つくば市).
                let mut h = i;
                while h > 0 && is_hiragana(chars[h - 1]) {
                    h -= 1;
                }
                let before: String = chars[h..i].iter().collect();
                let prefix = ja.keyword_hiragana_words.iter().find(|w| before.ends_with(w));
                cut_counters(&mut run, prefix.is_none() && i > 0 && is_digit(chars[i - 1]), &ja.keyword_counters);
                // The last kanji of a run followed by okurigana is a verb's stem (車向け).
                if run.len() >= 2
                    && j < chars.len()
                    && is_hiragana(chars[j])
                    && run.last().is_some_and(|&c| is_han(c))
                    && !starts_with_any(&chars[j..], &ja.keyword_particles)
                    && !starts_with_any(&chars[j..], &ja.keyword_endings)
                {
                    run.pop();
                }
                while run.first().is_some_and(|&c| c == '・' || c == 'ー') {
                    run.remove(0);
                }
                while run.last() == Some(&'・') {
                    run.pop();
                }
                if let Some(p) = prefix {
                    let mut whole: Vec<char> = p.chars().collect();
                    whole.extend(&run);
                    out.push(Segment { chars: whole, rank, whole: true });
                } else if run.len() >= 2 {
                    out.push(Segment { chars: run, rank, whole: false });
                }
                j
            } else if is_hiragana(c) {
                let j = run_end(chars, i, is_hiragana);
                let run: String = chars[i..j].iter().collect();
                let followed_by_content = j < chars.len() && content(chars[j]);
                if let Some(w) = ja.keyword_hiragana_words.iter().find(|w| run.starts_with(w)) {
                    if !(followed_by_content && run.len() == w.len()) {
                        out.push(Segment { chars: w.chars().collect(), rank, whole: true });
                    }
                }
                j
            } else if is_latin(c) || is_digit(c) {
                latin_run(chars, i, rank, out)
            } else {
                i + 1
            }
        });
    }

    fn chinese_segments(text: &str, rank: usize, out: &mut Vec<Segment>) {
        each_run(text, |chars, i| {
            let c = chars[i];
            if is_han(c) {
                let j = run_end(chars, i, is_han);
                let mut run = chars[i..j].to_vec();
                cut_counters(&mut run, i > 0 && is_digit(chars[i - 1]), &lexicon::ZH.keyword_counters);
                if run.len() >= 2 {
                    out.push(Segment { chars: run, rank, whole: false });
                }
                j
            } else if is_latin(c) || is_digit(c) {
                latin_run(chars, i, rank, out)
            } else {
                i + 1
            }
        });
    }

    /// Whether a Chinese n-gram may be a key phrase: it neither starts nor ends with a function
    /// character (unless a content word stands there: 成都) nor is, starts or ends with a
    /// function word.
    fn chinese_ok(g: &str) -> bool {
        let zh = &lexicon::ZH;
        let mut buf = [0; 4];
        let first = g.chars().next().map_or("", |c| c.encode_utf8(&mut buf));
        let bad_start =
            zh.keyword_function_chars.contains(first) && !zh.keyword_content_words.iter().any(|w| g.starts_with(w));
        let mut buf = [0; 4];
        let last = g.chars().next_back().map_or("", |c| c.encode_utf8(&mut buf));
        let bad_end =
            zh.keyword_function_chars.contains(last) && !zh.keyword_content_words.iter().any(|w| g.ends_with(w));
        !bad_start && !bad_end && !zh.keyword_function_words.iter().any(|w| g.starts_with(w) || g.ends_with(w))
    }

    /// Whether a Japanese n-gram may be a key phrase: it does not cut a katakana word and is not
    /// a function word.
    fn japanese_ok(chars: &[char], start: usize, end: usize) -> bool {
        let cuts = |a: usize| a > 0 && a < chars.len() && is_katakana(chars[a - 1]) && is_katakana(chars[a]);
        let g: String = chars[start..end].iter().collect();
        !cuts(start) && !cuts(end) && !lexicon::JA.keyword_function_words.contains(&g)
    }

    /// The final consonant of a Hangul syllable (0 for none, 4 for ㄴ, 20 for ㅆ).
    fn final_consonant(c: char) -> u32 {
        if is_hangul(c) {
            (c as u32 - 0xac00) % 28
        } else {
            0
        }
    }

    /// The longest trailing particle or ending of a Korean word that leaves a stem.
    fn korean_strip(word: &str) -> &str {
        let ko = &lexicon::KO;
        let cut = ko
            .keyword_particles
            .iter()
            .chain(ko.keyword_endings.iter())
            .filter(|s| word.len() > s.len() && word.ends_with(*s))
            .map(str::len)
            .max()
            .unwrap_or(0);
        &word[..word.len() - cut]
    }

    /// Whether a Korean stem may be a key phrase: two syllables or more, not a function word,
    /// not a predicate (past tense ㅆ, 있다, 보인다) nor the stem of 하다 or 되다.
    fn korean_ok(stem: &str) -> bool {
        let chars: Vec<char> = stem.chars().collect();
        let n = chars.len();
        if n < 2 || !chars.iter().all(|&c| is_hangul(c)) || lexicon::KO.keyword_function_words.contains(stem) {
            return false;
        }
        let last = chars[n - 1];
        let predicate = last == '다' && matches!(final_consonant(chars[n - 2]), 4 | 20);
        !predicate && final_consonant(last) != 20 && !matches!(last, '하' | '되')
    }

    fn korean_segments(sentences: &[KeywordInput]) -> Vec<Segment> {
        // Words as written: Hangul runs not glued to a number or a Latin word (명을, HBM을).
        let mut words: Vec<(String, usize)> = Vec::new();
        let mut out = Vec::new();
        for s in sentences {
            let chars: Vec<char> = s.text.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if is_hangul(c) {
                    let j = run_end(&chars, i, is_hangul);
                    let glued = i > 0 && (is_digit(chars[i - 1]) || is_latin(chars[i - 1]));
                    if !glued {
                        words.push((chars[i..j].iter().collect(), s.rank));
                    }
                    i = j;
                } else if is_latin(c) || is_digit(c) {
                    i = latin_run(&chars, i, s.rank, &mut out);
                } else {
                    i += 1;
                }
            }
        }
        // A word that is the stem of another word keeps its last syllable (국가 beside 국가는)
        // unless its own stem is written too (주말에 of 주말에만, beside 주말).
        let stems: HashSet<&str> = words.iter().map(|(w, _)| korean_strip(w)).filter(|st| st.len() > 3).collect();
        let forms: HashSet<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        for (w, rank) in &words {
            let own = korean_strip(w);
            let whole = stems.contains(w.as_str()) && !stems.contains(own) && !forms.contains(own);
            let stem = if whole { w.as_str() } else { own };
            if korean_ok(stem) {
                out.push(Segment { chars: stem.chars().collect(), rank: *rank, whole: true });
            }
        }
        out
    }

    /// The top `k` key phrases of an article in `script`.
    pub(crate) fn extract(
        script: Script,
        sentences: &[KeywordInput],
        title_terms: &[TermId],
        k: usize,
    ) -> Vec<Keyword> {
        let mut segments = Vec::new();
        match script {
            Script::Korean => segments = korean_segments(sentences),
            Script::Japanese => sentences.iter().for_each(|s| japanese_segments(s.text, s.rank, &mut segments)),
            Script::Chinese => sentences.iter().for_each(|s| chinese_segments(s.text, s.rank, &mut segments)),
        }
        // Every run yields up to MAX_CHARS n-grams per character: the phrases come from the
        // article's first MAX_TEXT_CHARS characters (a very long article: keywords weigh the
        // lead anyway), so that memory stays bounded on text without punctuation.
        let mut budget = MAX_TEXT_CHARS;
        segments.retain_mut(|seg| {
            let keep = budget > 0;
            seg.chars.truncate(budget);
            budget -= seg.chars.len();
            keep
        });
        // The title's words and bigrams, as written in the body.
        let title: HashSet<TermId> = title_terms.iter().copied().collect();
        let mut title_forms: HashSet<&str> = HashSet::default();
        for s in sentences {
            for (i, t) in s.tok.tokens.iter().enumerate() {
                if t.term.is_some_and(|term| title.contains(&term)) {
                    let start = if i > 0 && s.tok.tokens[i - 1].end == t.start && t.end - t.start <= 4 {
                        s.tok.tokens[i - 1].start
                    } else {
                        t.start
                    };
                    title_forms.insert(&s.text[start as usize..t.end as usize]);
                }
            }
        }

        // Candidates in order of first occurrence, with an index by text.
        let mut grams: Vec<Gram> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut add = |text: String, chars: usize, rank: usize, whole: bool| {
            let i = *index.entry(text.clone()).or_insert_with(|| {
                grams.push(Gram { text, count: 0, whole: 0, weight: 0.0, first_rank: rank, chars });
                grams.len() - 1
            });
            let g = &mut grams[i];
            g.count += 1;
            g.whole += usize::from(whole);
            g.weight += rank_weight(rank);
            g.first_rank = g.first_rank.min(rank);
        };
        for seg in &segments {
            if seg.whole {
                add(seg.chars.iter().collect(), seg.chars.len(), seg.rank, true);
                continue;
            }
            let n = seg.chars.len();
            for len in 2..=n.min(MAX_CHARS) {
                for start in 0..=n - len {
                    let g: String = seg.chars[start..start + len].iter().collect();
                    let ok = match script {
                        Script::Chinese => chinese_ok(&g),
                        _ => japanese_ok(&seg.chars, start, start + len),
                    };
                    if ok {
                        add(g, len, seg.rank, len == n);
                    }
                }
            }
        }

        // Merge an n-gram into a longer one that holds most of its occurrences, or into the
        // longer ones that extend it by one character on one side (汽车 into 新能源汽车 and
        // 星河汽车; 代表 into 日本代表).
        let mut dropped = vec![false; grams.len()];
        let mut extended = vec![(0usize, 0usize); grams.len()];
        for h in grams.iter().filter(|h| h.count >= 2 && h.chars > 2) {
            let (first, _) = h.text.char_indices().nth(1).unwrap_or((0, ' '));
            let (last, _) = h.text.char_indices().last().unwrap_or((0, ' '));
            if let Some(&i) = index.get(&h.text[first..]) {
                extended[i].0 += h.count;
            }
            if let Some(&i) = index.get(&h.text[..last]) {
                extended[i].1 += h.count;
            }
        }
        for (i, g) in grams.iter().enumerate() {
            dropped[i] = extended[i].0.max(extended[i].1) * 3 >= g.count * 2;
        }
        for h in grams.iter().filter(|h| h.count >= 2 && h.chars > 2) {
            let chars: Vec<char> = h.text.chars().collect();
            for len in 2..chars.len() {
                for start in 0..=chars.len() - len {
                    let g: String = chars[start..start + len].iter().collect();
                    if let Some(&i) = index.get(&g) {
                        if h.count * 3 >= grams[i].count * 2 {
                            dropped[i] = true;
                        }
                    }
                }
            }
        }

        let mut scored: Vec<(f64, &Gram)> = grams
            .iter()
            .zip(&dropped)
            .filter(|(g, &d)| {
                let early_word = g.first_rank == 0 && g.chars >= 3 && g.whole > 0 && script == Script::Japanese;
                !d && (g.count >= 2 || early_word)
            })
            .map(|(g, _)| {
                let length = (1.0 + 0.3 * (g.chars as f64 - 2.0)).min(2.5);
                // A Japanese run that stands alone between hiragana is a word (日本代表, not 代表).
                let length = if script == Script::Japanese {
                    length * (1.0 + 0.5 * g.whole as f64 / g.count as f64)
                } else {
                    length
                };
                let in_title = title_forms.iter().any(|f| f.contains(g.text.as_str()) || g.text.contains(f));
                let title = if in_title { 1.5 } else { 1.0 };
                (g.weight * length * title * (1.0 + (g.count as f64).ln()), g)
            })
            .collect();
        crate::vector::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));

        let mut out: Vec<Keyword> = Vec::new();
        let top = scored.first().map_or(1.0, |s| s.0.max(1e-9));
        for (s, g) in scored {
            if out.len() >= k {
                break;
            }
            if out.iter().any(|o| o.text.contains(g.text.as_str()) || g.text.contains(o.text.as_str())) {
                continue;
            }
            out.push(Keyword { text: g.text.clone(), score: (s / top * 1000.0).round() / 1000.0, count: g.count });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_english;

    #[test]
    fn phrases_from_runs_of_content_words() {
        let texts = [
            "The foreign ministers met in Samarkand to discuss regional security.",
            "Regional security was the focus, the foreign ministers said.",
            "The Taliban took power in August 2021.",
            "No country has recognized the Taliban.",
        ];
        let toks = tokenize_english(texts);
        let input: Vec<KeywordInput> =
            texts.iter().zip(&toks).enumerate().map(|(rank, (text, tok))| KeywordInput { text, tok, rank }).collect();
        let kw = extract(&input, &[], 3, "en");
        let texts: Vec<&str> = kw.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"foreign ministers"), "{texts:?}");
        assert!(texts.contains(&"regional security") || texts.contains(&"Regional security"), "{texts:?}");
        assert!(texts.contains(&"Taliban"), "{texts:?}");
        assert_eq!(kw[0].score, 1.0);
    }

    /// The keywords of a whole article, through the pipeline.
    fn keywords_of(text: &str) -> Vec<String> {
        let summary = crate::summarize(&crate::Article::from_text(text), &crate::Options::default()).unwrap();
        summary.keywords.into_iter().map(|k| k.text).collect()
    }

    /// Words that measure (units, currencies, scale, percent and number words) and reporting
    /// verbs are no keywords, in any language: the facts carry them with their figures.
    #[test]
    fn measure_words_and_reporting_verbs_are_no_keywords() {
        let articles = [
            ("en", "The council will spend 40 million dollars over ten years on the harbour wall. The harbour wall failed in 2019, the council said. Ten years of storms had cracked the harbour wall, engineers said. Repairs will take years."),
            ("de", "Die Stadt investiert 40 Millionen Euro in die Hafenmauer. Die Hafenmauer brach 2019, sagte der Bürgermeister. Rund 30 Prozent der Mauer sind beschädigt, kündigte die Stadt an. Die Arbeiten dauern zehn Jahre."),
            ("es", "La ciudad invertirá 40 millones de euros en el muro del puerto. El muro del puerto cayó en 2019, dijo el alcalde. Un 30 por ciento del muro está dañado, afirmó la ciudad. Las obras durarán diez años y noventa minutos."),
            ("fr", "La ville investira 40 millions d'euros dans la digue du port. La digue du port a cédé en 2019, a déclaré le maire. Environ 30 pour cent de la digue est endommagée, a affirmé la ville. Les travaux dureront dix ans."),
            ("ar", "ستنفق البلدية 40 مليون دولار على سور الميناء. انهار سور الميناء في 2019، قال رئيس البلدية. وأكد المهندسون أن 30 في المئة من السور متضرر. وتستغرق الأشغال عشر سنوات."),
        ];
        for (lang, text) in articles {
            let article = crate::Article { lang: Some(lang.into()), ..crate::Article::from_text(text) };
            let summary = crate::summarize(&article, &crate::Options::default()).unwrap();
            let tables = lexicon::for_lang(lang).unwrap();
            assert!(!summary.keywords.is_empty(), "{lang}: no keywords");
            for k in &summary.keywords {
                for w in k.text.split(' ') {
                    assert!(!is_filler(w, Some(tables)), "{lang}: {:?} holds the measure word or verb {w:?}", k.text);
                }
            }
        }
        // Pronouns, demonstratives and connectives the stopword list lacks.
        let fr = crate::Article {
            lang: Some("fr".into()),
            ..crate::Article::from_text(
                "La mairie ouvrira cette année une école de musique. Cette école accueillera ainsi 300 élèves. \
                 L'école de musique coûtera cette somme, a déclaré le maire. Ainsi, cette école de musique sera la première.",
            )
        };
        let summary = crate::summarize(&fr, &crate::Options::default()).unwrap();
        for k in &summary.keywords {
            assert!(!k.text.split(' ').any(|w| ["cette", "Cette", "ainsi", "Ainsi"].contains(&w)), "{:?}", k.text);
        }
        // The rule itself, one word of each table.
        let de = lexicon::for_lang("de");
        for w in ["Prozent", "Mio", "Euro", "Jahre", "kündigte"] {
            assert!(is_filler(w, de), "{w}");
        }
        assert!(!is_filler("Hafenmauer", de));
    }

    /// Arabic articles (written for Abridge, `tests/fixtures/ar/`): keywords are content words,
    /// never a bare function word or particle (NLTK's Arabic stopwords), nor a word that
    /// measures or reports.
    #[test]
    fn arabic_keywords_are_content_words() {
        let articles = [
            include_str!("../tests/fixtures/ar/politics-water.txt"),
            include_str!("../tests/fixtures/ar/politics-electricity-levant.txt"),
            include_str!("../tests/fixtures/ar/economy-rates.txt"),
            include_str!("../tests/fixtures/ar/sport-final.txt"),
        ];
        let ar = crate::lang::Language::for_code("ar", true);
        let tables = lexicon::for_lang("ar");
        for text in articles {
            let kw = keywords_of(text);
            assert!(kw.len() >= 5, "{kw:?}");
            for k in &kw {
                for w in k.split(' ') {
                    assert!(!ar.is_stopword(w), "{k:?} holds the function word {w:?}");
                    assert!(!is_filler(w, tables), "{k:?} holds the measure word or verb {w:?}");
                }
            }
        }
        let kw = keywords_of(articles[0]);
        assert!(kw.iter().any(|k| k == "المياه"), "{kw:?}");
    }

    /// Whether a keyword of a CJK article is, holds or ends with function material of its
    /// language: the reason, if so.
    fn function_material(script: cjk::Script, kw: &str) -> Option<String> {
        let (ja, zh, ko) = (&lexicon::JA, &lexicon::ZH, &lexicon::KO);
        let is = [
            &ja.keyword_function_words,
            &ja.keyword_particles,
            &ja.keyword_endings,
            &zh.keyword_function_words,
            &zh.keyword_function_chars,
        ]
        .into_iter()
        .chain([&ko.keyword_function_words, &ko.keyword_particles, &ko.keyword_endings])
        .any(|t| t.contains(kw));
        if is {
            return Some("is a function word".into());
        }
        let chars: Vec<char> = kw.chars().collect();
        let (first, last) = (chars[0].to_string(), chars[chars.len() - 1].to_string());
        match script {
            cjk::Script::Japanese => {
                let hiragana = kw.chars().any(crate::script::is_hiragana);
                (hiragana && !ja.keyword_hiragana_words.iter().any(|w| kw.starts_with(w)))
                    .then(|| "holds hiragana".into())
            }
            cjk::Script::Chinese => {
                let exception = |edge: &dyn Fn(&str) -> bool| zh.keyword_content_words.iter().any(edge);
                if zh.keyword_function_chars.contains(&first) && !exception(&|w| kw.starts_with(w))
                    || zh.keyword_function_chars.contains(&last) && !exception(&|w| kw.ends_with(w))
                {
                    Some("starts or ends with a function character".into())
                } else {
                    zh.keyword_function_words.iter().find(|w| kw.ends_with(w)).map(|w| format!("ends with {w}"))
                }
            }
            cjk::Script::Korean => ko
                .keyword_particles
                .iter()
                .chain(ko.keyword_endings.iter())
                .filter(|e| e.chars().count() >= 2 || chars.len() <= 3)
                .find(|e| kw.ends_with(e))
                .map(|e| format!("ends with {e}")),
        }
    }

    /// Checks the keywords of CJK articles, named rows of a fixture (name, script, words that
    /// keywords must hold, space-separated, and the text): at least `min` keywords, none of them
    /// function material, and every word held by some keyword.
    fn check_cjk_articles((file, rows): (&str, &'static str), min: usize) {
        for [name, script, expected, text] in crate::test_rows::rows((file, rows)) {
            let script = match script {
                "Japanese" => cjk::Script::Japanese,
                "Chinese" => cjk::Script::Chinese,
                "Korean" => cjk::Script::Korean,
                _ => panic!("{file}: {name}: script {script:?}"),
            };
            let kw = keywords_of(&crate::test_rows::text(text));
            assert!(kw.len() >= min, "{name}: {kw:?}");
            for k in &kw {
                assert!(
                    function_material(script, k).is_none(),
                    "{name}: {k:?} {:?}; {kw:?}",
                    function_material(script, k)
                );
            }
            for e in expected.split(' ') {
                assert!(kw.iter().any(|k| k.contains(e)), "{name}: {e:?} missing from {kw:?}");
            }
        }
    }

    /// Articles written for these tests: company news, politics and sport in each language.
    #[test]
    fn cjk_keywords_are_content_words() {
        check_cjk_articles(crate::test_rows::fixture!("keywords-cjk-articles.tsv"), 0);
    }

    /// The multilingual dev articles of the project: no keyword is function material, and the
    /// subject of each is among them.
    #[test]
    fn cjk_articles_have_content_keywords() {
        check_cjk_articles(crate::test_rows::fixture!("keywords-cjk-dev-articles.tsv"), 6);
    }

    #[test]
    fn cjk_pieces() {
        use cjk::Script;
        let input = |texts: &[&str]| -> Vec<Script> {
            let lang = crate::lang::Language::for_code("en", false);
            let mut v = crate::token::Vocabulary::new(&lang);
            let toks: Vec<Tokenized> = texts.iter().map(|t| v.tokenize(t)).collect();
            let inputs: Vec<KeywordInput> = texts
                .iter()
                .zip(&toks)
                .enumerate()
                .map(|(rank, (text, tok))| KeywordInput { text, tok, rank })
                .collect();
            cjk::script_of(&inputs).into_iter().collect()
        };
        assert_eq!(input(&["東和精機は新工場を建設すると発表した。"]), [Script::Japanese]);
        assert_eq!(input(&["公司拟在合肥市投资建设储能电池生产基地。"]), [Script::Chinese]);
        assert_eq!(input(&["한울반도체가 공장을 짓는다."]), [Script::Korean]);
        assert_eq!(input(&["The minister met 習近平 in Beijing on Thursday."]), []);
    }
}
