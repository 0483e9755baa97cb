//! Dates, times, money, percentages, quantities and counts: rules over a sentence's tokens
//! and the punctuation between them.

use super::Mention;
use crate::lexicon;
use crate::model::FactKind;
use crate::script::is_cjk;
use crate::token::Token;

/// Finds the numeric and calendar mentions of one sentence.
pub(crate) fn mentions(text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < tokens.len() {
        // Every pattern starts with a digit, a capital or a spelled-out number; lower-case
        // month names ("mars", "enero") are the one exception.
        let t = &tokens[i];
        let w = t.text(text);
        let lower_start = w.starts_with(|c: char| c.is_lowercase());
        if lower_start && number_word(w).is_none() && lexicon::month(w).is_none() {
            i += 1;
            continue;
        }
        let consumed = date_at(text, tokens, i, out)
            .or_else(|| time_at(text, tokens, i, out))
            .or_else(|| amount_at(text, tokens, i, out));
        i += consumed.unwrap_or(1).max(1);
    }
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    tokens.get(i).map_or("", |t| t.text(text))
}

/// The text between token `i` and token `i + 1`.
fn gap<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) => &text[a.end as usize..b.start as usize],
        _ => "",
    }
}

fn span(text: &str, tokens: &[Token], from: usize, to_incl: usize) -> String {
    text[tokens[from].start as usize..tokens[to_incl].end as usize].to_string()
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[..2], "18" | "19" | "20")
}

fn is_day(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_alphabetic()); // "13th"
    !d.is_empty()
        && d.len() <= 2
        && d.bytes().all(|b| b.is_ascii_digit())
        && d.parse::<u8>().is_ok_and(|n| (1..=31).contains(&n))
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

/// Month (± day, ± year), day + month, weekdays, years, seasons, ISO dates.
fn date_at(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let w = word(text, tokens, i);
    let start = tokens[i].start as usize;
    let push = |out: &mut Vec<Mention>, to: usize, value: String| {
        out.push(Mention::new(FactKind::Date, value, start, tokens[to].end as usize));
    };
    // Weekday, possibly with a date after it: "Thursday, April 13, 2023".
    let bare = strip_possessive(w);
    if lexicon::weekday(bare).is_some() && bare.chars().next().is_some_and(char::is_uppercase) {
        if let Some(n) = month_date_len(text, tokens, i + 1) {
            if gap(text, tokens, i).trim() == "," {
                push(out, i + n, span(text, tokens, i, i + n));
                return Some(n + 1);
            }
        }
        out.push(Mention::new(FactKind::Date, bare.to_string(), start, start + bare.len()));
        return Some(1);
    }
    if let Some(n) = month_date_len(text, tokens, i) {
        push(out, i + n - 1, span(text, tokens, i, i + n - 1));
        return Some(n);
    }
    // Day before month: "13 April 2023".
    if is_day(w) && gap(text, tokens, i) == " " {
        let m = word(text, tokens, i + 1);
        if lexicon::month(m.trim_end_matches('.')).is_some()
            && m.chars().next().is_some_and(char::is_alphabetic)
            && m.len() >= 3
        {
            let mut end = i + 1;
            if is_year(word(text, tokens, i + 2)) && gap(text, tokens, i + 1).trim().is_empty() {
                end = i + 2;
            }
            push(out, end, span(text, tokens, i, end));
            return Some(end - i + 1);
        }
    }
    // ISO date 2023-04-13 and seasons 2023-24.
    if is_year(w) && gap(text, tokens, i) == "-" {
        let next = word(text, tokens, i + 1);
        if next.len() == 2 && next.bytes().all(|b| b.is_ascii_digit()) {
            if gap(text, tokens, i + 1) == "-" && is_day(word(text, tokens, i + 2)) {
                push(out, i + 2, span(text, tokens, i, i + 2));
                return Some(3);
            }
            push(out, i + 1, span(text, tokens, i, i + 1));
            return Some(2);
        }
    }
    // A year on its own ("in 2003"), or a CJK year ("2025年"); not a count ("2000 people").
    if is_year(w) {
        let after = &text[tokens[i].end as usize..];
        if after.starts_with('年') {
            let end = tokens[i].end as usize + '年'.len_utf8();
            out.push(Mention::new(FactKind::Date, text[start..end].to_string(), start, end));
            return Some(1);
        }
        let counted = gap(text, tokens, i) == " "
            && tokens.get(i + 1).is_some_and(|t| t.term.is_some() && !t.capitalised && !t.numeric);
        if !counted {
            push(out, i, w.to_string());
            return Some(1);
        }
    }
    if w.len() == 5 && w.ends_with('s') && is_year(&w[..4]) {
        push(out, i, w.to_string());
        return Some(1);
    }
    None
}

/// Length in tokens of "Month [Day][, Year]" or "Month Year" starting at `i`; `None` if no
/// month date starts there. A bare month counts only after a cue word ("in March").
fn month_date_len(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let m = word(text, tokens, i);
    lexicon::month(m)?;
    if !m.chars().next().is_some_and(char::is_uppercase)
        && !lexicon::MONTHS.iter().any(|name| name == m && name.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    let g = gap(text, tokens, i);
    let abbreviated = m.len() <= 4 && g.starts_with('.');
    let g_trim = if abbreviated { &g[1..] } else { g };
    let next = word(text, tokens, i + 1);
    if g_trim == " " && is_day(next) {
        // Month Day [, Year]
        let g2 = gap(text, tokens, i + 1);
        if (g2 == ", " || g2 == " ") && is_year(word(text, tokens, i + 2)) {
            return Some(3);
        }
        return Some(2);
    }
    if g_trim == " " && is_year(next) {
        return Some(2);
    }
    // A bare month name: only full names after a cue word ("in March"), never "May".
    let full = m.len() > 4 || matches!(m, "June" | "July");
    let cue = i > 0 && lexicon::MONTH_CUES.contains_ci(word(text, tokens, i - 1));
    (full && cue).then_some(1)
}

/// Clock times: "9 a.m.", "10:30 p.m. ET", "noon" is left out.
fn time_at(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let w = word(text, tokens, i);
    let start = tokens[i].start as usize;
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let mut clock = w.len() <= 5 && w.contains(':') && w.split(':').all(digits);
    let hour = w.len() <= 2 && digits(w);
    if !clock && !hour {
        return None;
    }
    let mut end = tokens[i].end as usize;
    let mut used = 1;
    // "11:40" comes as two tokens: the hour, then the minutes after a colon.
    let minutes = word(text, tokens, i + 1);
    if hour && gap(text, tokens, i) == ":" && minutes.len() == 2 && digits(minutes) {
        clock = true;
        end = tokens[i + 1].end as usize;
        used = 2;
    }
    let rest = &text[end..];
    let ampm = lexicon::ALL
        .clock_time
        .iter()
        .find(|s| rest.starts_with(*s) && !rest[s.len()..].starts_with(|c: char| c.is_alphanumeric()));
    match ampm {
        Some(s) => {
            end += s.len();
            used += s.trim().split('.').filter(|p| !p.is_empty()).count();
        }
        None if clock => {}
        None => return None,
    }
    // Time zone after it.
    let after = &text[end..];
    if let Some(tz) = lexicon::TIME_ZONES.iter().find(|tz| {
        after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(*tz) && !a[tz.len()..].starts_with(|c: char| c.is_alphanumeric()))
    }) {
        end += 1 + tz.len();
        used += 1;
    }
    out.push(Mention::new(
        FactKind::Time,
        text[start..end].trim_end_matches('.').to_string() + if text[start..end].ends_with("m.") { "." } else { "" },
        start,
        end,
    ));
    Some(used)
}

fn number_word(w: &str) -> Option<u32> {
    let first = w.split('-').next().unwrap_or("");
    if !(3..=9).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    lexicon::number_word(first)
}

/// Money, percentages, quantities and counts.
fn amount_at(text: &str, tokens: &[Token], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let t = &tokens[i];
    let w = t.text(text);
    let spelled = !t.numeric && number_word(w).is_some_and(|v| v >= 2);
    if !t.numeric && !spelled {
        return None;
    }
    // An ordinal counts only before a lower-case noun ("50th anniversary", not "20th Century").
    let ordinal = t.numeric && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x));
    let ordinal_noun = ordinal
        && gap(text, tokens, i) == " "
        && tokens.get(i + 1).is_some_and(|x| x.term.is_some() && !x.capitalised && !x.numeric);
    if t.numeric && !w.starts_with(|c: char| c.is_ascii_digit())
        || w.matches('.').count() >= 2
        || ordinal && !ordinal_noun
    {
        return None; // "G7", "COVID-19", version numbers "2.4.1"
    }
    let mut start = t.start as usize;
    let mut last = i;
    let mut end = t.end as usize;

    // Currency symbol right before the number.
    let before = &text[..start];
    let unspaced = before.strip_suffix(' ').unwrap_or(before);
    let symbol = lexicon::CURRENCY_SYMBOLS.iter().filter(|s| unspaced.ends_with(*s)).max_by_key(|s| s.len());
    if let Some(s) = symbol {
        let spaced = unspaced.len() < before.len();
        let sym_start = start - s.len() - usize::from(spaced);
        // A symbol that is a word ("Rs") must stand as a word.
        let ok = !s.chars().all(char::is_alphabetic)
            || sym_start == 0
            || !text[..sym_start].ends_with(|c: char| c.is_alphanumeric());
        if ok {
            start = sym_start;
        }
    }
    let has_symbol = start < t.start as usize;

    // Scale word: "1.2 billion", "12.9bn" (inside the token), CJK 亿/万.
    let mut scaled = lexicon::SCALE_WORDS.iter().any(|s| {
        w.ends_with(s)
            && w.len() > s.len()
            && w[..w.len() - s.len()].bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    });
    if !scaled && gap(text, tokens, last) == " " && lexicon::SCALE_WORDS.contains_ci(word(text, tokens, last + 1)) {
        last += 1;
        end = tokens[last].end as usize;
        scaled = true;
    }
    // CJK: number followed directly by 万 / 亿 / 元 and a counter.
    let after = &text[end..];
    if after.starts_with(|c: char| is_cjk(c)) {
        let mut cjk_end = end;
        let mut kind = FactKind::Number;
        for c in after.chars().take(3) {
            match c {
                '万' | '亿' | '千' | '百' => cjk_end += c.len_utf8(),
                '元' | '円' | '美' | '欧' | '镑' => {
                    cjk_end += c.len_utf8();
                    kind = FactKind::Money;
                    break;
                }
                '%' | '％' => {
                    cjk_end += c.len_utf8();
                    kind = FactKind::Percent;
                    break;
                }
                _ => {
                    if cjk_end == end {
                        break;
                    }
                    // One counter character after 万/亿: 万户, 万人.
                    cjk_end += c.len_utf8();
                    break;
                }
            }
        }
        if cjk_end > end {
            let used = tokens.iter().skip(i + 1).take_while(|x| (x.end as usize) <= cjk_end).count();
            out.push(Mention::new(kind, text[start..cjk_end].to_string(), start, cjk_end));
            return Some(1 + used);
        }
    }

    // Percent.
    let rest = &text[end..];
    if rest.starts_with('%') || rest.starts_with(" %") {
        let e = end + rest.find('%').unwrap_or(0) + 1;
        out.push(Mention::new(FactKind::Percent, text[start..e].to_string(), start, e));
        return Some(last - i + 1);
    }
    let next = word(text, tokens, last + 1);
    let g = gap(text, tokens, last);
    if g == " " && lexicon::ALL.percent_words.iter().any(|p| next.eq_ignore_ascii_case(p)) {
        let e = tokens[last + 1].end as usize;
        out.push(Mention::new(FactKind::Percent, text[start..e].to_string(), start, e));
        return Some(last - i + 2);
    }
    if g == " " && next.eq_ignore_ascii_case("per") && word(text, tokens, last + 2).eq_ignore_ascii_case("cent") {
        let e = tokens[last + 2].end as usize;
        out.push(Mention::new(FactKind::Percent, text[start..e].to_string(), start, e));
        return Some(last - i + 3);
    }
    if has_symbol {
        out.push(Mention::new(FactKind::Money, text[start..end].to_string(), start, end));
        return Some(last - i + 1);
    }
    // Currency word after: "176 Hong Kong dollars", "5 million euros".
    for look in 1..=3 {
        let w2 = word(text, tokens, last + look);
        if (1..look).any(|k| gap(text, tokens, last + k - 1) != " ") || gap(text, tokens, last + look - 1) != " " {
            break;
        }
        if lexicon::CURRENCY_WORDS.contains_ci(w2) {
            let e = tokens[last + look].end as usize;
            out.push(Mention::new(FactKind::Money, text[start..e].to_string(), start, e));
            return Some(last - i + look + 1);
        }
        if !tokens[last + look].capitalised {
            break;
        }
    }
    // Unit after: "8 inches", "55 mph", "10 years", "six-hour", "43-year-old".
    let g = gap(text, tokens, last);
    let unit = word(text, tokens, last + 1);
    if (g == " " || g == "-") && lexicon::QUANTITY_UNITS.contains_ci(unit) && unit.chars().count() > 1 {
        if ordinal {
            return None; // "the 20th century", "the 3rd week"
        }
        let mut e = tokens[last + 1].end as usize;
        let mut used = last - i + 2;
        // Ages: "43-year-old".
        if g == "-"
            && unit.starts_with("year")
            && gap(text, tokens, last + 1) == "-"
            && word(text, tokens, last + 2) == "old"
        {
            e = tokens[last + 2].end as usize;
            out.push(Mention::new(FactKind::Number, text[start..e].to_string(), start, e));
            return Some(used + 1);
        }
        if g == " " && unit.eq_ignore_ascii_case("light") && gap(text, tokens, last + 1) == "-" {
            e = tokens[last + 2].end as usize;
            used += 1;
        }
        out.push(Mention::new(FactKind::Quantity, text[start..e].to_string(), start, e));
        return Some(used);
    }
    if spelled && g != " " {
        return None;
    }
    // Scores "45-17".
    if g == "-" && tokens.get(last + 1).is_some_and(|x| x.numeric) && !spelled {
        let e = tokens[last + 1].end as usize;
        out.push(Mention::new(FactKind::Number, text[start..e].to_string(), start, e));
        return Some(last - i + 2);
    }
    // A count: the number and what it counts ("85,000 customers", "nine witnesses").
    let mut e = end;
    let mut k = last + 1;
    let mut nouns = 0;
    while k < tokens.len() && nouns < 2 && gap(text, tokens, k - 1) == " " {
        let x = &tokens[k];
        let xw = x.text(text);
        // A capitalised word counts only inside a longer count: "three Taliban prisoners".
        let capital_inside = x.capitalised
            && tokens.get(k + 1).is_some_and(|y| y.term.is_some() && !y.capitalised && y.text(text).ends_with('s'))
            && gap(text, tokens, k) == " ";
        if x.term.is_none() || x.numeric || x.capitalised && nouns == 0 && !scaled && !capital_inside {
            break;
        }
        if lexicon::month(xw).is_some() || lexicon::weekday(xw).is_some() {
            break;
        }
        e = x.end as usize;
        nouns += 1;
        k += 1;
        // Stop after a plural noun: "workers", "flights".
        if xw.ends_with('s') {
            break;
        }
    }
    if spelled && nouns == 0 {
        return None;
    }
    if spelled && !text[..e].ends_with('s') {
        return None; // "one", "two of them": only counts of plural things
    }
    let plain_small = !scaled && nouns == 0 && w.len() <= 1;
    if plain_small {
        return None;
    }
    out.push(Mention::new(FactKind::Number, text[start..e].to_string(), start, e));
    Some(last - i + 1 + nouns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_english;

    fn found(text: &str) -> Vec<(FactKind, String)> {
        let [t] = tokenize_english([text]);
        let mut out = Vec::new();
        mentions(text, &t.tokens, &mut out);
        out.into_iter().map(|m| (m.kind, m.value)).collect()
    }

    fn has(text: &str, kind: FactKind, value: &str) {
        let f = found(text);
        assert!(f.iter().any(|(k, v)| *k == kind && v == value), "{value:?} as {kind:?} in {f:?}");
    }

    #[test]
    fn dates() {
        has("They met in Samarkand, Uzbekistan, Thursday, April 13, 2023.", FactKind::Date, "Thursday, April 13, 2023");
        has("The Taliban took power in August 2021.", FactKind::Date, "August 2021");
        has("It designated the group in 2003 and never took it off.", FactKind::Date, "2003");
        has("The plant would close by Jan. 31.", FactKind::Date, "Jan. 31");
        has("It starts Jan. 1, citing costs.", FactKind::Date, "Jan. 1");
        has("They will challenge the plan in March.", FactKind::Date, "March");
        has("Tickets go on sale June 1 and cost $15.", FactKind::Date, "June 1");
        has("The meeting on 13 April 2023 ended.", FactKind::Date, "13 April 2023");
        has("During the 2023-24 season he scored.", FactKind::Date, "2023-24");
        has("Thursday's meeting", FactKind::Date, "Thursday");
        assert!(found("You may go. They march on.").is_empty());
    }

    #[test]
    fn amounts() {
        has("Inflation eased to 3.5% in June.", FactKind::Percent, "3.5%");
        has("It set aside $1.2 billion for loans.", FactKind::Money, "$1.2 billion");
        has("Revenue was $12.9bn last year.", FactKind::Money, "$12.9bn");
        has("It costs 176 Hong Kong dollars each.", FactKind::Money, "176 Hong Kong dollars");
        has("Unemployment is 2.8 per cent now.", FactKind::Percent, "2.8 per cent");
        has("About 85,000 customers were without power.", FactKind::Number, "85,000 customers");
        has("Nine witnesses and nine more.", FactKind::Number, "Nine witnesses");
        has("The band begins its 50th anniversary tour.", FactKind::Number, "50th anniversary tour");
        has("They freed three Taliban prisoners on Tuesday.", FactKind::Number, "three Taliban prisoners");
        has("Another 8 inches fell.", FactKind::Quantity, "8 inches");
        has("He was sentenced to 10 years in prison.", FactKind::Quantity, "10 years");
        has("The 43-year-old man was held.", FactKind::Number, "43-year-old");
        has("They won 45-17 at home.", FactKind::Number, "45-17");
        has("It opens at 9 a.m. ET on Monday.", FactKind::Time, "9 a.m. ET");
        has("The call came at 11:40 p.m. Tuesday.", FactKind::Time, "11:40 p.m.");
        assert!(found("In the 20th century it grew.").is_empty());
        has("市政府将投入3.5亿元改造老旧小区。", FactKind::Money, "3.5亿元");
        has("预计惠及12万户居民。", FactKind::Number, "12万户");
        has("将在2025年底前完成。", FactKind::Date, "2025年");
    }

    /// The examples the rules' comments give, one row each: (the example as the comment writes
    /// it, a sentence holding it, the kind, the value found).
    const COMMENT_EXAMPLES: &[(&str, &str, FactKind, &str)] = &[
        ("13th", "The vote is on April 13th in the hall.", FactKind::Date, "April 13th"),
        (
            "Thursday, April 13, 2023",
            "They met on Thursday, April 13, 2023.",
            FactKind::Date,
            "Thursday, April 13, 2023",
        ),
        ("13 April 2023", "The meeting on 13 April 2023 ended.", FactKind::Date, "13 April 2023"),
        ("in 2003", "It designated the group in 2003 and kept it.", FactKind::Date, "2003"),
        ("2025年", "将在2025年底前完成。", FactKind::Date, "2025年"),
        ("in March", "They will challenge the plan in March.", FactKind::Date, "March"),
        ("9 a.m.", "It opens at 9 a.m. on Monday.", FactKind::Time, "9 a.m."),
        ("10:30 p.m. ET", "It ends at 10:30 p.m. ET on Monday.", FactKind::Time, "10:30 p.m. ET"),
        ("11:40", "The call came at 11:40 p.m. Tuesday.", FactKind::Time, "11:40 p.m."),
        ("50th anniversary", "The band begins its 50th anniversary tour.", FactKind::Number, "50th anniversary tour"),
        ("1.2 billion", "It set aside $1.2 billion for loans.", FactKind::Money, "$1.2 billion"),
        ("12.9bn", "Revenue was $12.9bn last year.", FactKind::Money, "$12.9bn"),
        ("176 Hong Kong dollars", "It costs 176 Hong Kong dollars each.", FactKind::Money, "176 Hong Kong dollars"),
        ("5 million euros", "The city paid 5 million euros for it.", FactKind::Money, "5 million euros"),
        ("8 inches", "Another 8 inches fell.", FactKind::Quantity, "8 inches"),
        ("55 mph", "Winds reached 55 mph on the coast.", FactKind::Quantity, "55 mph"),
        ("10 years", "He was sentenced to 10 years in prison.", FactKind::Quantity, "10 years"),
        ("six-hour", "After a six-hour meeting they agreed.", FactKind::Quantity, "six-hour"),
        ("43-year-old", "The 43-year-old man was held.", FactKind::Number, "43-year-old"),
        ("45-17", "They won 45-17 at home.", FactKind::Number, "45-17"),
        ("85,000 customers", "About 85,000 customers were without power.", FactKind::Number, "85,000 customers"),
        ("nine witnesses", "The court heard nine witnesses on Monday.", FactKind::Number, "nine witnesses"),
        (
            "three Taliban prisoners",
            "They freed three Taliban prisoners on Tuesday.",
            FactKind::Number,
            "three Taliban prisoners",
        ),
        ("workers", "About 420 workers will move to other plants.", FactKind::Number, "420 workers"),
    ];

    #[test]
    fn comment_examples() {
        let mut failed = Vec::new();
        for (example, sentence, kind, value) in COMMENT_EXAMPLES {
            let f = found(sentence);
            if !f.iter().any(|(k, v)| k == kind && v == value) {
                failed.push(format!("{example:?}: {value:?} as {kind:?} in {f:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// The comment on `count` says "COVID-19" is not a number, but its "19" is read as a count
    /// with the words after it ("COVID-19 spread fast" gives "19 spread fast"). Kept as a record, not fixed here (behaviour unchanged).
    #[test]
    #[ignore = "the code does not do what its comment claims: \"COVID-19 cases\" gives \"19 cases\""]
    fn covid_19_before_a_noun_is_not_a_count() {
        assert_eq!(found("COVID-19 cases fell."), vec![]);
    }

    /// Examples the comments give of what is not a fact, or not of that kind.
    #[test]
    fn comment_examples_of_non_facts() {
        let mut failed = Vec::new();
        for (example, sentence, not) in [
            ("2000 people: not a year", "About 2000 people came.", Some(FactKind::Date)),
            ("never \"May\"", "You may go in May if you like.", Some(FactKind::Date)),
            ("\"noon\" is left out", "They met at noon on the steps.", Some(FactKind::Time)),
            ("not \"20th Century\"", "He studied 20th Century art.", None),
            ("the 20th century", "In the 20th century it grew.", None),
            ("the 3rd week", "It is the 3rd week of the strike.", None),
            ("G7", "The G7 met in Japan.", None),
            ("version numbers 2.4.1", "Version 2.4.1 adds maps.", None),
            ("\"one\", \"two of them\"", "Two of them left, and one stayed.", None),
        ] {
            let f = found(sentence);
            if f.iter().any(|(k, _)| not.is_none_or(|n| *k == n)) {
                failed.push(format!("{example:?}: {f:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }
}
