//! A tiny seeded generator (xorshift64*, seeded through splitmix64), so that
//! a run is reproducible from its seed and one plan from its index, with no
//! dependency whose stream could change between versions.

pub struct Rng(u64);

impl Rng {
    /// The generator of plan `index` in a run seeded `seed`: each plan has a
    /// stream of its own, so a plan is the same whatever the count and
    /// whichever thread makes it.
    pub fn for_plan(seed: u64, index: usize) -> Rng {
        let mixed = splitmix(seed ^ splitmix(index as u64 + 1));
        // xorshift never leaves zero.
        Rng(mixed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `n` distinct items of `items`, in a random order.
    pub fn distinct<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, self.below(i + 1));
        }
        order
            .into_iter()
            .take(n)
            .map(|i| items[i].clone())
            .collect()
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
