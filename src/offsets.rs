//! Byte offsets to UTF-16 code-unit offsets, many at once in one pass over the text.

/// Converts byte offsets into `text` (each on a char boundary, `0..=text.len()`) to UTF-16
/// code-unit offsets, in place. One pass over `text` whatever the number of offsets.
pub(crate) fn to_utf16(text: &str, offsets: &mut [usize]) {
    // Ascending offsets: descending order of their negatives (exact below 2^53).
    let keys: Vec<f64> = offsets.iter().map(|&o| -(o as f64)).collect();
    let order = crate::vector::order_desc(&keys);
    let mut byte = 0usize;
    let mut units = 0usize;
    let mut chars = text.chars();
    for i in order {
        let target = offsets[i].min(text.len());
        while byte < target {
            match chars.next() {
                Some(c) => {
                    byte += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        offsets[i] = units;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_in_any_order() {
        let s = "a€b😀c";
        let mut o = [s.len(), 0, 1, 4, 5, 9];
        to_utf16(s, &mut o);
        assert_eq!(o, [6, 0, 1, 2, 3, 5]);
        assert_eq!(s.encode_utf16().count(), 6);
    }
}
