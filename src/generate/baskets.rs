//! What each generated household buys, so that cross-selling has something to find: coffee
//! machine owners come back for beans, filters and descaling; tea drinkers for tea and gift
//! boxes; everyone else buys anything. Drawn from a stream of its own (seeded per customer),
//! so the rest of a seed's data (times, amounts, channels) is the same as without it.

use super::names::ITEMS;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A household's taste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taste {
    /// Bought a machine (or grinder) first, then what it needs.
    Machine,
    Tea,
    Anything,
}

/// The items of one customer's orders, one after another.
pub struct Basket {
    taste: Taste,
    rng: ChaCha8Rng,
    orders: usize,
}

/// (weight, item name) of what a machine owner reorders.
const MACHINE_REFILLS: [(u32, &str); 6] = [
    (35, "espresso beans 1kg"),
    (15, "filter blend 500g"),
    (20, "paper filters"),
    (10, "machine descaling"),
    (10, "milk jug"),
    (10, ""),
];
const TEA: [(u32, &str); 4] = [
    (40, "longjing 250g"),
    (35, "pu-erh cake"),
    (15, "gift box"),
    (10, ""),
];

fn item(name: &str) -> Option<(&'static str, &'static str)> {
    ITEMS.iter().copied().find(|(_, item)| *item == name)
}

fn weighted(rng: &mut ChaCha8Rng, table: &[(u32, &'static str)]) -> &'static str {
    let total: u32 = table.iter().map(|(w, _)| w).sum();
    let mut x = rng.random_range(0..total);
    for (w, name) in table {
        if x < *w {
            return name;
        }
        x -= w;
    }
    ""
}

impl Basket {
    pub fn new(seed: u64, customer: u64) -> Basket {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x6261_736b_6574 ^ customer.rotate_left(17));
        let taste = match rng.random_range(0..100) {
            0..35 => Taste::Machine,
            35..60 => Taste::Tea,
            _ => Taste::Anything,
        };
        Basket {
            taste,
            rng,
            orders: 0,
        }
    }

    /// The (category, item) of the next order; `any` is an item drawn at random, used when
    /// the taste leaves it open.
    pub fn next(&mut self, any: (&'static str, &'static str)) -> (&'static str, &'static str) {
        self.orders += 1;
        let name = match (self.taste, self.orders) {
            (Taste::Machine, 1) if self.rng.random_bool(0.8) => "espresso machine",
            (Taste::Machine, 1) => "grinder",
            (Taste::Machine, _) => weighted(&mut self.rng, &MACHINE_REFILLS),
            (Taste::Tea, _) => weighted(&mut self.rng, &TEA),
            (Taste::Anything, _) => "",
        };
        item(name).unwrap_or(any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_owners_start_with_the_machine_and_come_back_for_beans() {
        let any = ITEMS[0];
        let (mut machines, mut beans_after, mut tea) = (0, 0, 0);
        for customer in 0..2000 {
            let mut b = Basket::new(1, customer);
            let first = b.next(any).1;
            let later: Vec<&str> = (0..5).map(|_| b.next(any).1).collect();
            if first == "espresso machine" {
                machines += 1;
                beans_after += usize::from(later.contains(&"espresso beans 1kg"));
            }
            tea += usize::from(b.taste == Taste::Tea);
        }
        // About 35% x 80% of households start with a machine, most of whom buy beans.
        assert!((500..620).contains(&machines), "{machines}");
        assert!(
            beans_after * 10 > machines * 7,
            "{beans_after} of {machines}"
        );
        assert!((420..580).contains(&tea), "{tea}");
        // The same customer and seed, the same basket.
        let a: Vec<_> = (0..4).map(|_| Basket::new(7, 3).next(any)).collect();
        assert!(a.iter().all(|x| *x == a[0]));
    }
}
