//! `--shard K/N`: run only the K-th of N slices of the case list, so an existing scheduler (a CI
//! matrix, a Kubernetes indexed Job, a Slurm array, GNU parallel) can spread a large set across
//! machines with no coordination between them.
//!
//! The split is round-robin over the sorted case list: the case at position `i` (0-based) belongs
//! to shard `(i mod N) + 1`. Every shard sees the same sorted list, so the N shards together run
//! every case exactly once, and their sizes differ by at most one. A hash of the case name would
//! keep a case on the same shard when other cases are added, but nothing here carries state from
//! one run to the next, and small sets would split unevenly (3 cases over 3 shards could put two
//! on one machine and none on another); round-robin is balanced and easy to reason about.

use std::fmt;
use std::str::FromStr;

/// One slice of the cases: `index` of `count`, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Whether the case at `position` (0-based, in the sorted list) belongs to this shard.
    pub fn contains(self, position: usize) -> bool {
        self.count > 0 && position % self.count + 1 == self.index
    }

    /// The items of this shard, order kept.
    pub fn select<T>(self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.contains(*i))
            .map(|(_, item)| item)
            .collect()
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Why `--shard` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ShardError(String);

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let form = || {
            ShardError(format!(
                "`{s}` is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 2/4 for the second of four"
            ))
        };
        let (k, n) = s.trim().split_once('/').ok_or_else(form)?;
        let k: usize = k.trim().parse().map_err(|_| form())?;
        let n: usize = n.trim().parse().map_err(|_| form())?;
        if n == 0 {
            return Err(ShardError(format!(
                "`{s}`: the number of shards must be at least 1"
            )));
        }
        if k == 0 || k > n {
            return Err(ShardError(format!(
                "`{s}`: the shard number must be between 1 and {n} (shards are counted from 1)"
            )));
        }
        Ok(Shard { index: k, count: n })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert_eq!(" 1 / 1 ".parse(), Ok(Shard { index: 1, count: 1 }));
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "-1/3", "1/3/5", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad} accepted");
        }
        assert!(
            "0/3"
                .parse::<Shard>()
                .unwrap_err()
                .to_string()
                .contains("counted from 1")
        );
    }

    #[test]
    fn shards_partition_and_balance() {
        for n in 1..=7 {
            for len in 0..=20 {
                let items: Vec<usize> = (0..len).collect();
                let mut all = Vec::new();
                let mut sizes = Vec::new();
                for k in 1..=n {
                    let part = Shard { index: k, count: n }.select(items.clone());
                    assert!(part.windows(2).all(|w| w[0] < w[1]), "order kept");
                    sizes.push(part.len());
                    all.extend(part);
                }
                all.sort();
                assert_eq!(all, items, "{len} items over {n} shards");
                let (min, max) = (sizes.iter().min(), sizes.iter().max());
                assert!(max.zip(min).is_none_or(|(a, b)| a - b <= 1), "{sizes:?}");
            }
        }
    }

    #[test]
    fn round_robin_assignment() {
        let s = Shard { index: 2, count: 3 };
        assert_eq!(s.select(vec!["a", "b", "c", "d", "e"]), ["b", "e"]);
    }
}
