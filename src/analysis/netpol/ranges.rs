//! Sets of integers kept as sorted, disjoint, non-adjacent inclusive intervals. Ports (u16) and
//! addresses (IPv4 as u32, IPv6 as u128) share this one type, so union, intersection and
//! difference are exact and two equal sets always have the same representation.

use std::fmt;

/// A set of `u128` values as sorted, disjoint, non-adjacent inclusive intervals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ranges {
    spans: Vec<(u128, u128)>,
}

impl Ranges {
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// The interval `[lo, hi]`; empty when `lo > hi`.
    #[must_use]
    pub fn interval(lo: u128, hi: u128) -> Self {
        if lo > hi { Self::empty() } else { Self { spans: vec![(lo, hi)] } }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The intervals, in order.
    #[must_use]
    pub fn spans(&self) -> &[(u128, u128)] {
        &self.spans
    }

    #[must_use]
    pub fn contains(&self, v: u128) -> bool {
        self.spans.iter().any(|&(lo, hi)| lo <= v && v <= hi)
    }

    #[must_use]
    pub fn union(&self, other: &Ranges) -> Ranges {
        let mut all: Vec<(u128, u128)> = self.spans.iter().chain(&other.spans).copied().collect();
        all.sort_unstable();
        let mut out: Vec<(u128, u128)> = Vec::with_capacity(all.len());
        for (lo, hi) in all {
            match out.last_mut() {
                // Merge overlapping and adjacent intervals so the form stays canonical.
                Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
        Ranges { spans: out }
    }

    #[must_use]
    pub fn intersect(&self, other: &Ranges) -> Ranges {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while let (Some(&a), Some(&b)) = (self.spans.get(i), other.spans.get(j)) {
            let lo = a.0.max(b.0);
            let hi = a.1.min(b.1);
            if lo <= hi {
                out.push((lo, hi));
            }
            if a.1 < b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        Ranges { spans: out }
    }

    /// `self` minus `other`.
    #[must_use]
    pub fn subtract(&self, other: &Ranges) -> Ranges {
        let mut out = Vec::new();
        for &(lo, hi) in &self.spans {
            let mut cur = lo;
            let mut done = false;
            for &(olo, ohi) in &other.spans {
                if ohi < cur || olo > hi {
                    continue;
                }
                if olo > cur {
                    out.push((cur, olo - 1));
                }
                if ohi >= hi {
                    done = true;
                    break;
                }
                cur = ohi + 1;
            }
            if !done {
                out.push((cur, hi));
            }
        }
        Ranges { spans: out }
    }

    #[must_use]
    pub fn is_subset(&self, other: &Ranges) -> bool {
        self.subtract(other).is_empty()
    }
}

impl fmt::Display for Ranges {
    /// `80,8080-8090`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &(lo, hi)) in self.spans.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            if lo == hi {
                write!(f, "{lo}")?;
            } else {
                write!(f, "{lo}-{hi}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(spans: &[(u128, u128)]) -> Ranges {
        spans.iter().fold(Ranges::empty(), |acc, &(a, b)| acc.union(&Ranges::interval(a, b)))
    }

    #[test]
    fn union_merges_adjacent_and_overlapping() {
        assert_eq!(r(&[(1, 3), (4, 6), (10, 12), (11, 20)]).spans(), &[(1, 6), (10, 20)]);
        assert_eq!(r(&[(5, 5), (1, 2)]).to_string(), "1-2,5");
        assert_eq!(r(&[(0, u128::MAX), (3, 4)]).spans(), &[(0, u128::MAX)]);
    }

    #[test]
    fn intersect_and_subtract() {
        let a = r(&[(1, 10), (20, 30)]);
        let b = r(&[(5, 25)]);
        assert_eq!(a.intersect(&b).spans(), &[(5, 10), (20, 25)]);
        assert_eq!(a.subtract(&b).spans(), &[(1, 4), (26, 30)]);
        assert_eq!(b.subtract(&a).spans(), &[(11, 19)]);
        assert!(a.subtract(&r(&[(0, 100)])).is_empty());
        assert_eq!(r(&[(0, u128::MAX)]).subtract(&r(&[(0, 0)])).spans(), &[(1, u128::MAX)]);
        assert!(r(&[(2, 3)]).is_subset(&a));
        assert!(!b.is_subset(&a));
    }
}
