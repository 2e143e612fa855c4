//! How far apart two short names are, for suggestions ("did you mean: Sharon Lee?", a
//! folder named `Poeple`): the one edit distance of the project.

/// The edit distance between `a` and `b` in characters (never bytes, so `Zoë` and `Zoe`
/// are one edit apart): insertions, deletions, substitutions, and a swap of two neighbours
/// (`Sahron` for `Sharon`) as one edit, the commonest typo (Damerau–Levenshtein, optimal
/// string alignment).
///
/// Quadratic in the lengths: meant for names and words, not for text. A caller comparing
/// one query against many long names should first skip those whose length alone puts them
/// out of reach ([`within`] does).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: the one before the previous is what a swap looks back to.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            let mut best = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            let swapped = i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && ca != cb;
            if swapped {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// `edit_distance(a, b)` when it is at most `limit`, else `None`; cheap when the lengths
/// alone differ by more than `limit`.
pub fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > limit {
        return None;
    }
    Some(edit_distance(a, b)).filter(|&d| d <= limit)
}

/// How many edits a typed name of `chars` characters may be away from a real one and still
/// be a typo of it, not another name: none for one or two characters (`Al` is not `Ed`),
/// one up to four (`Prya`), two up to eight (`Sharn`, `Natarajen`), three beyond.
pub fn typo_limit(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("poeple", "people"), 1, "a swap is one edit");
        assert_eq!(edit_distance("sahron", "sharon"), 1);
        assert_eq!(edit_distance("sharn", "sharon"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("contact", "contact"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ca", "abc"), 3, "optimal string alignment");
        assert_eq!(edit_distance("zoë", "zoe"), 1, "characters, not bytes");
        assert_eq!(edit_distance("李雷", "李磊"), 1);
        assert_eq!(edit_distance("👨‍👩‍👧", "👨‍👩‍👦"), 1);
    }

    proptest::proptest! {
        /// The distance is a distance: zero only between equal names, the same both ways,
        /// at least the difference in length and at most the longer length; `within`
        /// agrees with it.
        #[test]
        fn is_a_distance(a in "[ab é李\u{301}]{0,8}", b in "[ab é李\u{301}]{0,8}", limit in 0usize..4) {
            let d = edit_distance(&a, &b);
            let (la, lb) = (a.chars().count(), b.chars().count());
            proptest::prop_assert_eq!(d == 0, a == b);
            proptest::prop_assert_eq!(d, edit_distance(&b, &a));
            proptest::prop_assert!(la.abs_diff(lb) <= d && d <= la.max(lb));
            proptest::prop_assert_eq!(within(&a, &b, limit), (d <= limit).then_some(d));
        }
    }

    #[test]
    fn limits() {
        assert_eq!(within("sharn", "sharon", 2), Some(1));
        assert_eq!(within("sharn", "sharon lee", 2), None);
        assert_eq!(within("al", "sharon lee", 3), None);
        assert_eq!(typo_limit(2), 0);
        assert_eq!(typo_limit(4), 1);
        assert_eq!(typo_limit(8), 2);
        assert_eq!(typo_limit(9), 3);
    }
}
