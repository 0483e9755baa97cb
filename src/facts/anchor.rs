//! Dates anchored in time: relative days ("Thursday", "yesterday", "last Tuesday", "上周二",
//! "15일") resolved to calendar dates, against the article's publication date
//! ([`crate::Article::published`]) or against a date the article itself writes with its
//! weekday ("Thursday, April 13, 2023", often in a photo caption).
//!
//! The calendar is the proleptic Gregorian calendar, as a count of days from 1970-01-01
//! (Howard Hinnant's `days_from_civil`), so no date crate is needed.
//!
//! # Rules
//!
//! These follow the news strategy of rule-based temporal taggers: TimeML's TIMEX3 values are
//! resolved against the document creation time, and HeidelTime (Strötgen & Gertz, "Multilingual
//! and cross-domain temporal tagging", *Language Resources and Evaluation* 47, 2013) resolves an
//! underspecified weekday in news against that time, before or after it by the tense of the
//! sentence. Here:
//!
//! - **A bare weekday** ("Thursday", "jeudi", "木曜日") is the article's own date for it when the
//!   article writes that weekday with a full date ("Thursday, April 13, 2023"); else, with a
//!   publication date, the most recent such day **on or before** it (the publication's own
//!   weekday is the publication day): news reports what happened. The nearest tense cue in the
//!   sentence can turn this round: a future cue ("will", "sera", "wird", "将", "予定") before a
//!   past one makes it the first such day on or after the publication date.
//! - **yesterday / today / tomorrow** (and the day before yesterday, the day after tomorrow) in
//!   every supported language: the publication date −1, 0, +1 (±2).
//! - **last X / next X** ("letzten Dienstag", "el martes pasado", "지난 화요일", "next
//!   Tuesday"): the most recent X strictly before the publication date, or the first strictly
//!   after it.
//! - **X of last / this / next week** in Chinese, Japanese and Korean ("上周二", "本周二",
//!   "来週火曜日", "다음 주 화요일"): those languages count weeks from Monday, so the X of the
//!   calendar week before, of, or after the publication date's.
//! - **"this Tuesday", "this week"** in European languages are left as written: "this Tuesday"
//!   names a coming or a past day depending on the writer, and a week is not a day.
//! - **A bare day of the month** ("1日", "15일", "18号"): Japanese, Korean and Chinese news write
//!   a date in the month of publication as the day alone, so it is that day of the publication
//!   month; "지난 15일" (the past 15th) and "오는 20일" (the coming 20th) are the most recent
//!   such day before the publication date and the first after it.
//! - **A weekday with a day of the month and no month** ("quarta-feira (12)", "13日（木）"): the
//!   day with that number, in the publication month or the one before or after, that falls on
//!   that weekday, the nearest one to the publication date.
//!
//! Without an anchor nothing is resolved, and a date is listed as the article writes it.
//!
//! The words are read from the language files in `lang/` (`weekdays`, `relative_days`,
//! `relative_modifiers`, `week_modifiers`, `future_cues`, `past_cues`, `future_endings`,
//! `day_parts`, `morning_words`, `morning_articles`, `lowercase_days`, `month_forms`); a
//! language takes part once its file has weekday names.

use crate::lexicon;

/// Days from 1970-01-01 of a date in the proleptic Gregorian calendar (Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) of a day count from 1970-01-01 (Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// ISO weekday of a day count: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
pub(crate) fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The day count of a valid date, `None` for an impossible one (February 30).
fn date(y: i64, m: u32, d: u32) -> Option<i64> {
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| days_from_civil(y, m, d))
}

/// The date as ISO 8601 (`2023-04-13`).
pub(crate) fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a publication stamp, as a day count.
///
/// Accepted: an ISO 8601 calendar date `YYYY-MM-DD`, optionally followed by `T` (or a space)
/// and a time of day with any seconds, fraction and zone (`2023-04-13T09:30:00-04:00`,
/// `2023-04-13 09:30`, `2023-04-13T13:30:00.000Z`), years 1583 to 9999. The date is taken as
/// written, not moved to another time zone: a stamp gives the publisher's local date, which is
/// the one the article's "yesterday" counts from. Anything else (`"April 13"`, `"13/04/2023"`,
/// February 30) gives `None`.
pub(crate) fn parse_published(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let rest = &s[10..];
    if !rest.is_empty() {
        // A time of day: T or space, then hh:mm and anything a stamp adds after it.
        let t = rest.strip_prefix(['T', 't', ' '])?;
        let tb = t.as_bytes();
        let two = |r: std::ops::Range<usize>| {
            tb.get(r).filter(|d| d.iter().all(u8::is_ascii_digit)).map(|d| (d[0] - b'0') * 10 + (d[1] - b'0'))
        };
        // hh:mm, then :ss when a colon and two digits follow (a leap second is 60).
        let clock = two(0..2).is_some_and(|h| h <= 23)
            && tb.get(2) == Some(&b':')
            && two(3..5).is_some_and(|m| m <= 59)
            && (tb.get(5) != Some(&b':') || two(6..8).is_some_and(|s| s <= 60));
        let ok = clock && t.bytes().all(|c| c.is_ascii_digit() || b":.+-Zz ".contains(&c));
        if !ok {
            return None;
        }
    }
    date(y, m as u32, d as u32)
}

/// What dates are resolved against.
#[derive(Debug, Clone, Default)]
pub(crate) struct Anchor {
    /// The publication date (a day count), from [`crate::Article::published`].
    pub published: Option<i64>,
    /// ISO 639-1 code of the article's language (which word table to read).
    pub lang: String,
}

/// The article's own dates for weekdays: index 1..=7, set when the article writes that weekday
/// with a full date ("Thursday, April 13, 2023") and only one such date.
#[derive(Debug, Clone, Default)]
pub(crate) struct WeekdayDates([Option<Option<i64>>; 8]);

impl WeekdayDates {
    /// Records an explicit date mention (`value`), if it is a full date with its weekday.
    pub fn note(&mut self, value: &str, lang: &str) {
        if let Some((day, Some(wd))) = explicit(value, lang) {
            let slot = &mut self.0[usize::from(wd)];
            *slot = match *slot {
                None => Some(Some(day)),
                Some(Some(d)) if d == day => Some(Some(d)),
                _ => Some(None), // two different dates for one weekday: neither is used
            };
        }
    }

    fn get(&self, wd: u8) -> Option<i64> {
        self.0[usize::from(wd)].flatten()
    }
}

/// A full date written out with its year: ("Thursday, April 13, 2023", "13 April 2023",
/// "13. April 2023", "2023年4月13日", "2023년 4월 13일"): its day count and the weekday it is
/// written with, if any (which must agree with the calendar). Used to merge a resolved
/// weekday with the date it stands for and to take anchors from the article's own dates.
pub(crate) fn explicit(value: &str, lang: &str) -> Option<(i64, Option<u8>)> {
    // CJK: 2023年4月13日, 2023년 4월 13일.
    for (ny, nm, nd) in [('年', '月', '日'), ('년', '월', '일')] {
        if let (Some(a), Some(b), Some(c)) = (value.find(ny), value.find(nm), value.find(nd)) {
            if a < b && b < c {
                let y = digits(value[..a].trim())?;
                let m = digits(value[a + ny.len_utf8()..b].trim())?;
                let d = digits(value[b + nm.len_utf8()..c].trim())?;
                let day = date(y as i64, m, d)?;
                return Some((day, weekday_in(&value[c..], lang).filter(|&w| w == weekday(day))));
            }
        }
    }
    let (mut y, mut m, mut d, mut wd) = (None, None, None, None);
    let words: Vec<&str> = value.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_matches('-');
        i += 1;
        // A month name of two words ("كانون الثاني", `month_forms`).
        if let Some(n) = words.get(i).and_then(|next| month_word(&format!("{w} {next}"), lang)) {
            if m.replace(n).is_some() {
                return None;
            }
            i += 1;
            continue;
        }
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            if y.replace(w.parse::<i64>().ok()?).is_some() {
                return None;
            }
        } else if let Some(n) = ordinal(w) {
            if d.replace(n).is_some() {
                return None;
            }
        } else if let Some(n) = lexicon::month(w).map(u32::from).or_else(|| month_word(w, lang)) {
            if m.replace(n).is_some() {
                return None;
            }
        } else if let Some(n) = weekday_word(&w.to_lowercase(), lang) {
            wd = Some(n);
        } else if !is_filler(w) {
            return None;
        }
    }
    let day = date(y?, m?, d?)?;
    match wd {
        Some(w) if w != weekday(day) => None,
        _ => Some((day, wd)),
    }
}

/// Small words a written-out date may hold ("de", "of", "the", Arabic "يوم" before a weekday).
fn is_filler(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "de" | "del" | "of" | "the" | "le" | "den" | "am" | "il" | "el" | "à" | "يوم")
}

/// A day of the month written as digits, with an ordinal ending ("13", "13th", "1er", "1º").
fn ordinal(w: &str) -> Option<u32> {
    let n = w.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º');
    let rest = &w[n.len()..];
    if n.is_empty() || n.len() > 2 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(rest, "" | "st" | "nd" | "rd" | "th" | "er" | "re" | "º" | "o" | "e") {
        return None;
    }
    n.parse().ok().filter(|d| (1..=31).contains(d))
}

/// ASCII or full-width digits as a number.
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    let mut n = 0u32;
    for c in s.chars() {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n * 10 + v;
    }
    Some(n)
}

/// How a relative date counts from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// The anchor plus this many days.
    Offset(i64),
    /// Weekday, most recent on or before the anchor (or first on or after it, with a future cue).
    Weekday(u8),
    /// Weekday strictly before / strictly after the anchor.
    LastWeekday(u8),
    NextWeekday(u8),
    /// Weekday of the calendar week (Monday first) this many weeks from the anchor's.
    WeekOf(i64, u8),
    /// Day of the month: in the anchor's month (0), the most recent before (-1), the first after (1).
    MonthDay(u32, i8),
    /// Weekday with its day of the month.
    WeekdayDay(u8, u32),
}

/// The calendar date (a day count) a date mention stands for, if it is relative and an
/// anchor is known. `sentence[start..end]` is the mention (`value` is its text as extracted);
/// the words around it in the sentence are read for "last", "dernier", "上周" and tense cues.
pub(crate) fn resolve(
    value: &str,
    sentence: &str,
    start: usize,
    end: usize,
    anchor: &Anchor,
    own: &WeekdayDates,
) -> Option<i64> {
    let lang = anchor.lang.as_str();
    let before = sentence.get(..start.min(sentence.len())).unwrap_or("");
    let after = sentence.get(end.min(sentence.len())..).unwrap_or("");
    let rule = rule(value, before, after, lang)?;
    if let Rule::Weekday(wd) = rule {
        if let Some(d) = own.get(wd) {
            return Some(d);
        }
    }
    let a = anchor.published?;
    let wa = i64::from(weekday(a));
    Some(match rule {
        Rule::Offset(n) => a + n,
        Rule::Weekday(wd) => {
            let back = (wa - i64::from(wd)).rem_euclid(7);
            if future(before, after, lang) {
                a + (i64::from(wd) - wa).rem_euclid(7)
            } else {
                a - back
            }
        }
        Rule::LastWeekday(wd) => a - 1 - (wa - 1 - i64::from(wd)).rem_euclid(7),
        Rule::NextWeekday(wd) => a + 1 + (i64::from(wd) - wa - 1).rem_euclid(7),
        Rule::WeekOf(weeks, wd) => a - (wa - 1) + 7 * weeks + i64::from(wd) - 1,
        Rule::MonthDay(d, dir) => {
            let (y, m, _) = civil_from_days(a);
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            match dir {
                0 => date(y, m, d)?,
                -1 => date(y, m, d).filter(|&x| x < a).or_else(|| date(py, pm, d))?,
                _ => date(y, m, d).filter(|&x| x > a).or_else(|| date(ny, nm, d))?,
            }
        }
        Rule::WeekdayDay(wd, d) => {
            let (y, m, _) = civil_from_days(a);
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            [date(y, m, d), date(py, pm, d), date(ny, nm, d)]
                .into_iter()
                .flatten()
                .filter(|&x| weekday(x) == wd)
                .min_by_key(|&x| ((x - a).abs(), x > a))?
        }
    })
}

/// Words of `s` in lower case (letters, digits, apostrophes and hyphens inside words).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’' || c == '-').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_cjk_lang(lang: &str) -> bool {
    matches!(lang, "zh" | "ja" | "ko")
}

/// Which rule a mention follows, from its words and up to two words on either side.
fn rule(value: &str, before: &str, after: &str, lang: &str) -> Option<Rule> {
    let v = value.trim();
    if v.is_empty() || explicit(v, lang).is_some() {
        return None;
    }
    // Day of the month alone, or with a weekday in brackets: "1日", "15일", "18号", "13日（木）".
    if let Some(r) = month_day(v, before, lang) {
        return Some(r);
    }
    // A written month makes it an explicit date ("mardi 14 octobre"), not a relative one.
    let vw = words(v);
    let cjk_month = v.char_indices().any(|(i, c)| c == '月' && v[..i].ends_with(|d: char| d.is_numeric()));
    if vw.iter().any(|w| lexicon::month(w).is_some() || month_word(w, lang).is_some()) || cjk_month {
        return None;
    }
    let l = table(lang);
    let bw = words(before);
    let aw = words(after);
    let prev: Vec<&str> = bw.iter().rev().take(2).map(String::as_str).collect(); // nearest first
    let next: Vec<&str> = aw.iter().take(2).map(String::as_str).collect();
    let lower = v.to_lowercase();

    // yesterday / today / tomorrow: a whole word (or the words before it too, for "pasado
    // mañana" and "the day before yesterday"; a substring in CJK, where words are not spaced).
    if let Some(l) = l {
        let phrase: Vec<&str> = prev.iter().rev().copied().chain(vw.iter().map(String::as_str)).collect();
        let phrase = format!(" {} ", phrase.join(" "));
        for &(w, n) in &l.relative_days {
            let at = if is_cjk_lang(lang) {
                lower.contains(w).then_some(0)
            } else if w.contains(' ') {
                let last = w.rsplit(' ').next().unwrap_or(w);
                (phrase.contains(&format!(" {w} ")) && vw.iter().any(|x| x == last)).then_some(0)
            } else {
                vw.iter().position(|x| {
                    x == w || l.compounds && x.strip_prefix(w).is_some_and(|rest| l.day_parts.contains(&rest))
                })
            };
            let Some(i) = at else { continue };
            // "la mañana", "de morgen": the morning, not tomorrow.
            let word_before = if i > 0 { vw[i - 1].as_str() } else { prev.first().copied().unwrap_or("") };
            if l.morning.contains(&w) && l.not_after.contains(&word_before) {
                continue;
            }
            // German "Morgen" is the morning.
            let written = value.split(|c: char| !c.is_alphanumeric()).filter(|x| !x.is_empty()).nth(i);
            if l.lower_only.contains(&w) && written.is_some_and(|x| x.starts_with(char::is_uppercase)) {
                continue;
            }
            return Some(Rule::Offset(i64::from(n)));
        }
    }
    // A weekday.
    let (wd, day) = weekday_and_day(v, lang)?;
    if let Some(d) = day {
        return Some(Rule::WeekdayDay(wd, d));
    }
    let Some(l) = l else { return Some(Rule::Weekday(wd)) };
    if is_cjk_lang(lang) {
        let ctx =
            format!("{}{}", before.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<String>(), v);
        for (cues, weeks) in [(&l.last_week, -1), (&l.this_week, 0), (&l.next_week, 1)] {
            if cues.iter().any(|c| ctx.contains(c)) {
                return Some(Rule::WeekOf(weeks, wd));
            }
        }
        if l.last.iter().any(|c| ctx.contains(c)) {
            return Some(Rule::LastWeekday(wd));
        }
        if l.next.iter().any(|c| ctx.contains(c)) {
            return Some(Rule::NextWeekday(wd));
        }
        return Some(Rule::Weekday(wd));
    }
    // Modifiers in the value itself ("last Tuesday", "mardi dernier") or just around it.
    let around: Vec<&str> =
        vw.iter().map(String::as_str).chain(prev.iter().copied()).chain(next.first().copied()).collect();
    if prev.first().is_some_and(|w| l.this.contains(w)) {
        return None;
    }
    if around.iter().any(|w| l.last.contains(w)) {
        return Some(Rule::LastWeekday(wd));
    }
    if around.iter().any(|w| l.next.contains(w)) {
        return Some(Rule::NextWeekday(wd));
    }
    Some(Rule::Weekday(wd))
}

/// "1日", "15일", "18号", "지난 15일", "오는 20일", "13日（木）".
fn month_day(v: &str, before: &str, lang: &str) -> Option<Rule> {
    let end = v.find(['日', '일', '号', '號'])?;
    let d = digits(v[..end].trim())?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let suffix = v[end..].chars().skip(1).collect::<String>();
    let suffix = suffix.trim();
    // What may follow: nothing, a weekday in brackets, a Korean particle.
    let wd = if suffix.is_empty() || ["에", "에는", "까지", "부터", "께", "쯤", "오전", "오후"].contains(&suffix)
    {
        None
    } else {
        let inner = suffix.trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
        if inner.len() == suffix.len() {
            return None;
        }
        Some(weekday_word(inner, lang).or_else(|| bracket_weekday(inner))?)
    };
    // The month just before it ("4月13日" split in two) makes it an explicit date.
    let b = before.trim_end();
    if b.ends_with(['月', '월']) {
        return None;
    }
    if let Some(wd) = wd {
        return Some(Rule::WeekdayDay(wd, d));
    }
    let tail: String = b.chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
    let dir = if tail.ends_with("지난") || tail.ends_with("去る") {
        -1
    } else if tail.ends_with("오는") || tail.ends_with("来る") {
        1
    } else {
        0
    };
    Some(Rule::MonthDay(d, dir))
}

/// Japanese and Korean one-character weekdays in brackets: 月火水木金土日, 월화수목금토일.
fn bracket_weekday(s: &str) -> Option<u8> {
    let mut cs = s.chars();
    let c = cs.next()?;
    if cs.next().is_some() {
        return None;
    }
    "月火水木金土日"
        .chars()
        .position(|x| x == c)
        .or_else(|| "월화수목금토일".chars().position(|x| x == c))
        .map(|i| i as u8 + 1)
}

/// The weekday a mention names, and a day of the month written with it and no month
/// ("quarta-feira (12)", "samedi 17").
fn weekday_and_day(v: &str, lang: &str) -> Option<(u8, Option<u32>)> {
    if is_cjk_lang(lang) || v.chars().any(|c| c as u32 >= 0x3000) {
        return weekday_in(v, lang).map(|w| (w, None));
    }
    let ws = words(v);
    let mut wd = None;
    let mut day = None;
    for w in &ws {
        if let Some(n) = weekday_word(w, lang) {
            wd = wd.or(Some(n));
        } else if let Some(n) = ordinal(w) {
            day = Some(n);
        }
    }
    Some((wd?, day))
}

/// A weekday named anywhere in a CJK string (or in any text, for a Latin-script table).
fn weekday_in(s: &str, lang: &str) -> Option<u8> {
    let lower = s.to_lowercase();
    for l in candidates(lang) {
        if is_cjk_lang(l.code) {
            if let Some(&(_, n)) = l.weekdays.iter().find(|(w, _)| lower.contains(w.as_str())) {
                return Some(n);
            }
        }
    }
    words(s).iter().find_map(|w| weekday_word(w, lang))
}

/// A weekday word (lower case) of the article's language, or of any language when it is not
/// known. German and Dutch compounds with a part of the day count ("mittwochabend").
fn weekday_word(w: &str, lang: &str) -> Option<u8> {
    for l in candidates(lang) {
        for (name, n) in &l.weekdays {
            let (name, n) = (name.as_str(), *n);
            if w == name {
                return Some(n);
            }
            if l.compounds && w.starts_with(name) && l.day_parts.contains(&&w[name.len()..]) {
                return Some(n);
            }
            // Korean particles after the word: "화요일에", "화요일인".
            if l.code == "ko" && w.starts_with(name) && w.chars().count() <= name.chars().count() + 2 {
                return Some(n);
            }
        }
    }
    None
}

/// Month names the shared lexicon lacks (Dutch, Russian genitive), for explicit dates.
fn month_word(w: &str, lang: &str) -> Option<u32> {
    let w = w.to_lowercase();
    candidates(lang).find_map(|l| l.months.iter().find(|(m, _)| *m == w).map(|&(_, n)| n))
}

fn candidates(lang: &str) -> impl Iterator<Item = &'static Lang> + '_ {
    let known = table(lang).is_some();
    langs().iter().filter(move |l| !known || l.code == lang)
}

fn table(lang: &str) -> Option<&'static Lang> {
    langs().iter().find(|l| l.code == lang)
}

/// Whether the sentence speaks of the future at the mention: the nearest tense cue around
/// it (a few words either side, nearest first) is a future one. No cue: the past (news).
fn future(before: &str, after: &str, lang: &str) -> bool {
    let Some(l) = table(lang) else { return false };
    if is_cjk_lang(lang) {
        let s = format!("{before}{after}");
        return l.future.iter().any(|c| s.contains(c));
    }
    let bw = words(before);
    let aw = words(after);
    let mut b = bw.iter().rev().take(6);
    let mut a = aw.iter().take(6);
    loop {
        let (x, y) = (b.next(), a.next());
        if x.is_none() && y.is_none() {
            return false;
        }
        for w in [x, y].into_iter().flatten() {
            if l.future.contains(&w.as_str())
                || l.future_endings.iter().any(|e| w.ends_with(e) && w.len() > e.len() + 2)
            {
                return true;
            }
            if l.past.contains(&w.as_str()) {
                return false;
            }
        }
    }
}

/// One language's words for anchoring dates (all lower case), from its file in `lang/`.
struct Lang {
    code: &'static str,
    /// Weekday names, 1 = Monday … 7 = Sunday (`weekdays`).
    weekdays: Vec<(String, u8)>,
    /// Day offsets: "yesterday" -1, "today" 0, "tomorrow" 1 (`relative_days`).
    relative_days: Vec<(&'static str, i8)>,
    /// Relative-day words that also mean "morning" ("mañana", "morgen"), and the words before
    /// them that make them the morning ("la mañana", "de morgen").
    morning: Vec<&'static str>,
    not_after: Vec<&'static str>,
    /// Relative-day words that are another word when capitalised (German "Morgen").
    lower_only: Vec<&'static str>,
    /// Whether weekdays and relative days form compounds with a part of the day (the language
    /// has `day_parts`).
    compounds: bool,
    day_parts: Vec<&'static str>,
    /// "last" and "next" before or after a weekday; "this" (left unresolved).
    last: Vec<&'static str>,
    next: Vec<&'static str>,
    this: Vec<&'static str>,
    /// Chinese, Japanese, Korean: the X of last / this / next week.
    last_week: Vec<&'static str>,
    this_week: Vec<&'static str>,
    next_week: Vec<&'static str>,
    /// Tense cues: future words and endings, past words.
    future: Vec<&'static str>,
    future_endings: Vec<&'static str>,
    past: Vec<&'static str>,
    /// Month names not in the shared `months` tables, with their numbers (`month_forms`).
    months: Vec<(&'static str, u32)>,
}

/// The anchoring words of every language file with weekday names, in the order listed.
fn langs() -> &'static [Lang] {
    static LANGS: std::sync::OnceLock<Vec<Lang>> = std::sync::OnceLock::new();
    LANGS.get_or_init(|| lexicon::LANGUAGES.iter().filter_map(|&code| lang_of(code)).collect())
}

fn lang_of(code: &'static str) -> Option<Lang> {
    let t = lexicon::for_lang(code)?;
    t.weekdays.iter().next()?;
    let words = |table: &'static lexicon::Table| table.iter().collect::<Vec<_>>();
    let valued = |map: &'static lexicon::Map, v: i64| map.entries().filter(|&(_, n)| n == v).map(|(w, _)| w).collect();
    Some(Lang {
        code,
        weekdays: t.weekdays.entries().map(|(w, n)| (w.to_lowercase(), n as u8)).collect(),
        relative_days: t.relative_days.entries().map(|(w, n)| (w, n as i8)).collect(),
        morning: words(&t.morning_words),
        not_after: words(&t.morning_articles),
        lower_only: words(&t.lowercase_days),
        compounds: t.day_parts.iter().next().is_some(),
        day_parts: words(&t.day_parts),
        last: valued(&t.relative_modifiers, -1),
        next: valued(&t.relative_modifiers, 1),
        this: valued(&t.relative_modifiers, 0),
        last_week: valued(&t.week_modifiers, -1),
        this_week: valued(&t.week_modifiers, 0),
        next_week: valued(&t.week_modifiers, 1),
        future: words(&t.future_cues),
        future_endings: words(&t.future_endings),
        past: words(&t.past_cues),
        months: t.month_forms.entries().map(|(w, n)| (w, n as u32)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        parse_published(s).unwrap()
    }

    /// Resolves the mention `value` found in `sentence` (first occurrence) against `published`.
    fn res(lang: &str, published: Option<&str>, sentence: &str, value: &str) -> Option<String> {
        let start = sentence.find(value).expect("value in sentence");
        let anchor = Anchor { published: published.map(day), lang: lang.to_string() };
        resolve(value, sentence, start, start + value.len(), &anchor, &WeekdayDates::default()).map(iso)
    }

    #[test]
    fn civil_calendar_round_trips_and_knows_weekdays() {
        for (y, m, d, wd) in
            [(1970, 1, 1, 4), (2000, 2, 29, 2), (2023, 4, 13, 4), (1900, 3, 1, 4), (2024, 12, 31, 2), (1600, 1, 1, 6)]
        {
            let z = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(z), (y, m, d));
            assert_eq!(weekday(z), wd, "{y}-{m}-{d}");
        }
        // Every day for 800 years follows the one before.
        let mut prev = civil_from_days(days_from_civil(1600, 1, 1) - 1);
        for z in days_from_civil(1600, 1, 1)..days_from_civil(2400, 1, 1) {
            let c = civil_from_days(z);
            assert_eq!(days_from_civil(c.0, c.1, c.2), z);
            let next_of_prev = if prev.2 < days_in_month(prev.0, prev.1) {
                (prev.0, prev.1, prev.2 + 1)
            } else if prev.1 < 12 {
                (prev.0, prev.1 + 1, 1)
            } else {
                (prev.0 + 1, 1, 1)
            };
            assert_eq!(c, next_of_prev);
            prev = c;
        }
    }

    #[test]
    fn published_shapes() {
        for (s, want) in [
            ("2023-04-13", Some("2023-04-13")),
            ("2023-04-13T09:30:00-04:00", Some("2023-04-13")),
            ("2023-04-13T23:59:59.123Z", Some("2023-04-13")),
            ("2023-04-13 09:30", Some("2023-04-13")),
            ("  2024-02-29T00:00:00+0900 ", Some("2024-02-29")),
            ("2023-02-29", None),
            ("2023-13-01", None),
            ("13/04/2023", None),
            ("April 13, 2023", None),
            ("2023-04-13Tnoon", None),
            ("2023-4-13", None),
            ("", None),
            ("0099-01-01", None),
        ] {
            assert_eq!(parse_published(s).map(iso).as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn explicit_dates() {
        for (v, lang, want) in [
            ("Thursday, April 13, 2023", "en", Some(("2023-04-13", Some(4)))),
            ("April 13, 2023", "en", Some(("2023-04-13", None))),
            ("jeudi 13 avril 2023", "fr", Some(("2023-04-13", Some(4)))),
            ("Donnerstag, 13. April 2023", "de", Some(("2023-04-13", Some(4)))),
            ("jueves 13 de abril de 2023", "es", Some(("2023-04-13", Some(4)))),
            ("donderdag 13 april 2023", "nl", Some(("2023-04-13", Some(4)))),
            ("13 апреля 2023", "ru", Some(("2023-04-13", None))),
            ("2023年4月13日", "ja", Some(("2023-04-13", None))),
            ("2023년 4월 13일", "ko", Some(("2023-04-13", None))),
            ("يوم الخميس 13 أبريل 2023", "ar", Some(("2023-04-13", Some(4)))),
            ("الأربعاء 10 كانون الثاني 2024", "ar", Some(("2024-01-10", Some(3)))),
            ("3 تشرين الأول 2023", "ar", Some(("2023-10-03", None))),
            ("يوم الجمعة 13 أبريل 2023", "ar", None),
            // The weekday disagrees with the calendar: not used.
            ("Friday, April 13, 2023", "en", None),
            ("April 13", "en", None),
            ("February 30, 2023", "en", None),
        ] {
            let got = explicit(v, lang).map(|(d, w)| (iso(d), w));
            assert_eq!(got, want.map(|(d, w)| (d.to_string(), w)), "{v:?}");
        }
    }

    /// Named rows of fixtures (name, language, publication date, sentence, mention, the date it
    /// resolves to; `-` for no date): weekdays against the publication date, relative days in
    /// every language, mentions left unresolved, days of the month and the boundaries of months
    /// and years. Each mention resolves to its row's date, or to none; every failing row is
    /// named.
    #[test]
    fn named_rows_resolve() {
        use crate::test_rows::fixture;
        let dash = |s: &'static str| (s != "-").then_some(s);
        let mut failed = Vec::new();
        for fixture in [
            fixture!("anchor-weekdays.tsv"),
            fixture!("anchor-relative-days.tsv"),
            fixture!("anchor-not-resolved.tsv"),
            fixture!("anchor-days-of-the-month.tsv"),
        ] {
            for [name, lang, published, sentence, value, want] in crate::test_rows::rows(fixture) {
                let got = res(lang, dash(published), sentence, value);
                if got.as_deref() != dash(want) {
                    failed.push(format!("{}: {name}: {got:?}, not {want}", fixture.0));
                }
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn the_article_own_date_for_a_weekday_wins() {
        let mut own = WeekdayDates::default();
        own.note("Thursday, April 13, 2023", "en");
        let anchor = Anchor { published: None, lang: "en".into() };
        let s = "They met Thursday.";
        let at = s.find("Thursday").unwrap();
        assert_eq!(resolve("Thursday", s, at, at + 8, &anchor, &own).map(iso).as_deref(), Some("2023-04-13"));
        // Without a publication date the other weekdays stay unresolved.
        let s = "They met Tuesday.";
        let at = s.find("Tuesday").unwrap();
        assert_eq!(resolve("Tuesday", s, at, at + 7, &anchor, &own), None);
        // With one, the article's own date still wins over the publication date.
        let later = Anchor { published: parse_published("2023-04-21"), lang: "en".into() };
        let s = "They met Thursday.";
        assert_eq!(resolve("Thursday", s, 9, 17, &later, &own).map(iso).as_deref(), Some("2023-04-13"));
        // Two different dates for one weekday: neither is used.
        own.note("Thursday, April 20, 2023", "en");
        assert_eq!(resolve("Thursday", s, 9, 17, &anchor, &own), None);
    }
}
