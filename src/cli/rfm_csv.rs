//! `loyal rfm --format csv`, streamed from the service row by row with the numbers formatted
//! by hand: a million rows without a struct, a string or a `fmt` call per row.

use super::analytics::{RFM_HEADER, ScoreArgs};
use crate::scoring::Segment;

/// `loyal rfm --format csv`, streamed: each scored customer is written as it is reached, with
/// the numbers formatted into one reused buffer.
pub(super) fn write(
    service: &crate::service::Service,
    args: &ScoreArgs,
    segment: Option<Segment>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(RFM_HEADER)?;
    let mut failed: Option<csv::Error> = None;
    let mut cell: Vec<u8> = Vec::with_capacity(32);
    service.rfm_each(&args.options(), segment, &mut |line| {
        let rfm = line.rfm;
        let mut write = || -> Result<(), csv::Error> {
            w.write_field(line.customer_id)?;
            cell.clear();
            push_int(&mut cell, rfm.recency_days);
            w.write_field(&cell)?;
            cell.clear();
            push_int(&mut cell, i64::try_from(rfm.frequency).unwrap_or(i64::MAX));
            w.write_field(&cell)?;
            cell.clear();
            push_money(&mut cell, rfm.monetary);
            w.write_field(&cell)?;
            for score in [rfm.r, rfm.f, rfm.m] {
                w.write_field([b'0' + score.min(9)])?;
            }
            w.write_field(rfm.segment.label())?;
            w.write_field(line.value_class.label())?;
            w.write_field(line.stage.label())?;
            w.write_record(None::<&[u8]>)
        };
        match write() {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    w.flush()?;
    Ok(())
}

/// Appends `n` in decimal.
fn push_int(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    push_digits(out, n.unsigned_abs());
}

fn push_digits(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends an amount as [`Money`]'s `Display` writes it: `1234.50`, `-0.05`.
fn push_money(out: &mut Vec<u8>, m: crate::domain::Money) {
    if m.0 < 0 {
        out.push(b'-');
    }
    let abs = m.0.unsigned_abs();
    push_digits(out, abs / 100);
    out.push(b'.');
    out.push(b'0' + (abs % 100 / 10) as u8);
    out.push(b'0' + (abs % 10) as u8);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn numbers_are_written_as_display_writes_them(n in any::<i64>(), cents in any::<i64>()) {
            let mut out = Vec::new();
            push_int(&mut out, n);
            prop_assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
            let mut out = Vec::new();
            push_money(&mut out, Money(cents));
            prop_assert_eq!(String::from_utf8(out).unwrap(), Money(cents).to_string());
        }
    }
}
