//! Repeatable chance: a small, fast generator (SplitMix64) that gives the same numbers on every
//! platform and whatever thread draws them. The bands draw assumptions and a band run's yearly
//! variation with it, and the search draws plans with it; a seed always gives the same draws.

/// A stream of draws from a seed.
#[derive(Clone, Debug)]
pub struct Chance(u64);

impl Chance {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_bits(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A fraction in [0, 1): 53 random bits.
    pub fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let unit = (self.next_bits() >> 11) as f64 / (1u64 << 53) as f64;
        unit
    }

    /// A value in [low, high).
    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// An index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let i = (self.unit() * n as f64) as usize;
        i.min(n.saturating_sub(1))
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A draw from the triangular distribution over (low, mode, high).
    pub fn triangular(&mut self, low: f64, mode: f64, high: f64) -> f64 {
        let u = self.unit();
        let span = high - low;
        if span <= 0.0 {
            return mode;
        }
        let cut = (mode - low) / span;
        if u < cut { low + (u * span * (mode - low)).sqrt() } else { high - ((1.0 - u) * span * (high - mode)).sqrt() }
    }

    /// A standard normal draw (Box–Muller).
    pub fn standard_normal(&mut self) -> f64 {
        // (0, 1]: the logarithm needs a positive number.
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(std::f64::consts::TAU * u2)
    }
}
