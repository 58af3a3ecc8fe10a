//! The eleven named RFM segments and the (r, fm) grid that defines them.

use crate::domain::labelled_enum;

labelled_enum! {
    /// Named RFM segment, from recency score `r` and `fm` (the average of F and M).
    pub enum Segment as "segment" {
        Champions = "Champions" | "champion",
        Loyal = "Loyal" | "loyal customers",
        PotentialLoyalist = "Potential Loyalist" | "potential",
        New = "New" | "new customers" | "recent",
        Promising = "Promising",
        NeedsAttention = "Needs Attention",
        AboutToSleep = "About to Sleep",
        AtRisk = "At Risk",
        CantLoseThem = "Can't Lose Them" | "cant lose them" | "cannot lose them",
        Hibernating = "Hibernating",
        Lost = "Lost",
    }
}

impl Segment {
    /// The segment of a customer with recency score `r` and `fm`, both 1..=5:
    /// Champions 55 54 45 | Loyal 53 44 35 34 | Potential Loyalist 52 42 43 33 | New 51 |
    /// Promising 41 31 | Needs Attention 32 23 22 | About to Sleep 21 | At Risk 25 24 13 |
    /// Can't Lose Them 15 14 | Hibernating 12 | Lost 11.
    pub fn of(r: u8, fm: u8) -> Segment {
        match (r, fm) {
            (5, 5) | (5, 4) | (4, 5) => Segment::Champions,
            (5, 3) | (4, 4) | (3, 5) | (3, 4) => Segment::Loyal,
            (5, 2) | (4, 2) | (4, 3) | (3, 3) => Segment::PotentialLoyalist,
            (5, 1) => Segment::New,
            (4, 1) | (3, 1) => Segment::Promising,
            (3, 2) | (2, 3) | (2, 2) => Segment::NeedsAttention,
            (2, 1) => Segment::AboutToSleep,
            (2, 5) | (2, 4) | (1, 3) => Segment::AtRisk,
            (1, 5) | (1, 4) => Segment::CantLoseThem,
            (1, 2) => Segment::Hibernating,
            _ => Segment::Lost,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_of_the_grid_has_its_documented_segment() {
        let grid = [
            ("Champions", &[55, 54, 45][..]),
            ("Loyal", &[53, 44, 35, 34]),
            ("Potential Loyalist", &[52, 42, 43, 33]),
            ("New", &[51]),
            ("Promising", &[41, 31]),
            ("Needs Attention", &[32, 23, 22]),
            ("About to Sleep", &[21]),
            ("At Risk", &[25, 24, 13]),
            ("Can't Lose Them", &[15, 14]),
            ("Hibernating", &[12]),
            ("Lost", &[11]),
        ];
        let mut seen = 0;
        for (name, cells) in grid {
            for cell in cells {
                let (r, fm) = ((cell / 10) as u8, (cell % 10) as u8);
                assert_eq!(Segment::of(r, fm).label(), name, "cell {cell}");
                seen += 1;
            }
        }
        assert_eq!(seen, 25);
        assert_eq!(
            "cant lose them".parse::<Segment>(),
            Ok(Segment::CantLoseThem)
        );
        assert_eq!(
            "potential loyalist".parse::<Segment>(),
            Ok(Segment::PotentialLoyalist)
        );
    }
}
