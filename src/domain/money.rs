//! Exact money amounts: integer minor units (cents, fen), parsed from and printed as decimals.

use std::fmt;

/// An amount of money in minor units (1/100 of the currency unit). Never a float.
/// Stored as that integer; in JSON as a decimal string, `"213.33"` (see `public_forms`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

/// Why a text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{}", t!("money-empty"))]
    Empty,
    #[error("{}", t!("money-malformed", value = format!("{:?}", .0)))]
    Malformed(String),
    #[error("{}", t!("money-too-precise", value = format!("{:?}", .0)))]
    TooPrecise(String),
    #[error("{}", t!("money-grouping", value = format!("{:?}", .0)))]
    Grouping(String),
    #[error("{}", t!("money-overflow", value = format!("{:?}", .0), max = Money::MAX_AMOUNT.to_string()))]
    Overflow(String),
}

/// A sum of amounts (a customer's total, a report's revenue) that a [`Money`] cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", t!("money-total-overflow", max = Money::MAX_TOTAL.to_string()))]
pub struct TotalOverflow;

impl Money {
    pub const ZERO: Money = Money(0);

    /// The largest amount one value may have (an order, a cost setting): 1,000,000,000,000.00
    /// currency units, in minor units. Far above any real order, and small enough that
    /// 92,233 orders at the bound still add up without overflow.
    pub const MAX_AMOUNT: Money = Money(100_000_000_000_000);

    /// The largest sum (a customer's total, a segment's revenue): what 64 bits of minor units
    /// hold. Sums are always checked against it, never saturated.
    pub const MAX_TOTAL: Money = Money(i64::MAX);

    pub fn minor_units(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The exact sum of `amounts` (added up in 128 bits, so the order of the amounts does not
    /// matter), or [`TotalOverflow`] when it does not fit in a `Money`.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Money>) -> Result<Money, TotalOverflow> {
        let total: i128 = amounts.into_iter().map(|m| i128::from(m.0)).sum();
        Money::from_i128(total)
    }

    /// `minor` minor units as a `Money`, or [`TotalOverflow`] when it does not fit.
    pub fn from_i128(minor: i128) -> Result<Money, TotalOverflow> {
        i64::try_from(minor).map(Money).map_err(|_| TotalOverflow)
    }
}

impl std::str::FromStr for Money {
    type Err = MoneyError;

    /// Accepts `12`, `12.3`, `12.30`, `-4.50`, `1,234.56` (thousands commas) and a leading `+`.
    fn from_str(text: &str) -> Result<Self, MoneyError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        let malformed = || MoneyError::Malformed(text.to_string());
        let (negative, unsigned) = match trimmed.as_bytes()[0] {
            b'-' => (true, &trimmed[1..]),
            b'+' => (false, &trimmed[1..]),
            _ => (false, trimmed),
        };
        if unsigned.contains(',') && !grouped_in_thousands(unsigned) {
            return Err(MoneyError::Grouping(text.to_string()));
        }
        // Borrowed unless there are thousands commas to take out: an import parses one amount
        // per order, and this allocation (with its free on the writer thread) showed in the
        // profile of a 1M-order import.
        let cleaned: std::borrow::Cow<str> = if unsigned.contains(',') {
            unsigned.replace(',', "").into()
        } else {
            unsigned.into()
        };
        let (whole, fraction) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_ref(), ""),
        };
        if whole.is_empty() && fraction.is_empty() {
            return Err(malformed());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(malformed());
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooPrecise(text.to_string()));
        }
        let overflow = || MoneyError::Overflow(text.to_string());
        let whole_units: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| overflow())?
        };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => i64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction.parse().map_err(|_| malformed())?,
        };
        let magnitude = whole_units
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .filter(|v| *v <= Money::MAX_AMOUNT.0)
            .ok_or_else(overflow)?;
        Ok(Money(if negative { -magnitude } else { magnitude }))
    }
}

/// Whether the commas of `unsigned` are thousands separators: only in the whole part, with
/// one to three digits before the first and exactly three after each (`1,234`, `12,345.50`).
fn grouped_in_thousands(unsigned: &str) -> bool {
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    !fraction.contains(',') && (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

impl fmt::Display for Money {
    /// Always two decimals, no thousands separators: `1234.50`, `-0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        if f.width().is_none() && f.precision().is_none() {
            // The common case (CSV, JSON, messages): no padding, so no string to pad.
            return write!(f, "{sign}{}.{:02}", abs / 100, abs % 100);
        }
        let text = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        f.pad(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!("12.30".parse(), Ok(Money(1230)));
        assert_eq!("12.3".parse(), Ok(Money(1230)));
        assert_eq!("12".parse(), Ok(Money(1200)));
        assert_eq!(".5".parse(), Ok(Money(50)));
        assert_eq!("-4.05".parse(), Ok(Money(-405)));
        assert_eq!("1,234.56".parse(), Ok(Money(123456)));
        assert_eq!("0.1".parse::<Money>().map(|m| m.0 * 3), Ok(30));
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!("".parse::<Money>(), Err(MoneyError::Empty));
        assert!(matches!(
            "12.345".parse::<Money>(),
            Err(MoneyError::TooPrecise(_))
        ));
        assert!(matches!(
            "1e5".parse::<Money>(),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            "12.3.4".parse::<Money>(),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            "-".parse::<Money>(),
            Err(MoneyError::Malformed(_))
        ));
        for grouped in [
            "1,2,3",
            "1,23",
            "12,34.00",
            ",123",
            "1234,567",
            "1,234.5,6",
            "1,,234",
        ] {
            assert!(
                matches!(grouped.parse::<Money>(), Err(MoneyError::Grouping(_))),
                "{grouped}"
            );
        }
        assert_eq!("12,345,678.90".parse(), Ok(Money(1_234_567_890)));
        assert_eq!("-1,000".parse(), Ok(Money(-100_000)));
        assert!(matches!(
            "999999999999999999999".parse::<Money>(),
            Err(MoneyError::Overflow(_))
        ));
    }

    #[test]
    fn amounts_are_bounded_and_sums_are_checked() {
        assert_eq!("1000000000000.00".parse(), Ok(Money::MAX_AMOUNT));
        assert_eq!("-1000000000000".parse(), Ok(Money(-Money::MAX_AMOUNT.0)));
        for beyond in [
            "1000000000000.01",
            "-1000000000000.01",
            "92233720368547758.07",
        ] {
            assert!(
                matches!(beyond.parse::<Money>(), Err(MoneyError::Overflow(_))),
                "{beyond}"
            );
        }
        assert_eq!(
            Money::checked_sum([Money(i64::MAX), Money(100), Money(-i64::MAX)]),
            Ok(Money(100))
        );
        assert_eq!(
            Money::checked_sum([Money(i64::MAX), Money(1)]),
            Err(TotalOverflow)
        );
        assert_eq!(Money::from_i128(i128::from(i64::MIN)), Ok(Money(i64::MIN)));
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Money(123450).to_string(), "1234.50");
        assert_eq!(Money(-5).to_string(), "-0.05");
        assert_eq!(Money(0).to_string(), "0.00");
    }

    proptest! {
        #[test]
        fn display_round_trips(minor in -10_000_000_000i64..10_000_000_000i64) {
            let money = Money(minor);
            prop_assert_eq!(money.to_string().parse::<Money>(), Ok(money));
        }
    }
}
