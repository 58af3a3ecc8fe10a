//! Unit tests of cell and row parsing.
use super::super::Kind;
use super::super::raw::{Format, read_table};
use super::*;

fn table(kind: Kind, text: &str) -> RawTable {
    read_table(text.as_bytes(), Format::Csv, kind).unwrap()
}

#[test]
fn a_large_table_parses_in_two_halves_in_file_order() {
    // Above the threshold the halves are parsed side by side; a bad amount in each half.
    let mut text = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..60_000 {
        let amount = if i == 10 || i == 50_000 {
            "lots"
        } else {
            "1.00"
        };
        text.push_str(&format!("O{i},C1,2025-01-01,{amount}\n"));
    }
    let parsed = parse_orders(table(Kind::Orders, &text));
    assert_eq!(parsed.inputs.len(), 59_998);
    assert!(parsed.inputs.windows(2).all(|w| w[0].line < w[1].line));
    assert_eq!(parsed.inputs[0].value.order_id, "O0");
    let lines: Vec<u64> = parsed.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![12, 50_002]);
}

#[test]
fn timestamps_in_every_accepted_form() {
    assert_eq!(
        parse_timestamp("2025-03-01T00:00:00Z"),
        Ok(1_740_787_200_000)
    );
    assert_eq!(
        parse_timestamp("2025-03-01T08:00:00+08:00"),
        Ok(1_740_787_200_000)
    );
    assert_eq!(
        parse_timestamp("2025-03-01"),
        Ok(1_740_787_200_000 + 12 * 3_600_000)
    );
    assert!(parse_timestamp("2025-03-01 09:30").is_ok());
    assert!(parse_timestamp("01/03/2025").is_err());
    assert!(parse_timestamp("2025-02-30").is_err());
}

#[test]
fn dates_outside_the_supported_range_are_refused_everywhere() {
    for bad in [
        "-0001-01-01",
        "0001-01-01",
        "9999-01-01",
        "1899-12-31",
        "3000-01-01",
    ] {
        assert!(parse_date(bad).is_err(), "{bad}");
        assert!(parse_timestamp(bad).is_err(), "{bad}");
        assert!(
            parse_timestamp(&format!("{bad}T12:00:00Z")).is_err(),
            "{bad}"
        );
    }
    assert!(parse_date("1900-01-01").is_ok() && parse_date("2999-12-31").is_ok());
    assert!(parse_timestamp("1900-01-01T00:00:00Z").is_ok());
    assert!(parse_timestamp("2999-12-31T23:59:59.999Z").is_ok());
    let orders = parse_orders(table(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,C1,-0001-01-01,1\nO2,C1,9999-01-01,1\n",
    ));
    let errs: Vec<String> = orders.errors.iter().map(ToString::to_string).collect();
    assert!(errs[0].starts_with("2: ordered_at: ") && errs[1].starts_with("3: ordered_at: "));
    let customers = parse_customers(table(
        Kind::Customers,
        "customer_id,name,birthday\nC1,Ann,0001-01-01\n",
    ));
    assert!(customers.errors[0].to_string().starts_with("2: birthday: "));
}

#[test]
fn bad_order_cells_name_line_and_field() {
    let parsed = parse_orders(table(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-01,10.00\nO2,C1,2025-13-01,1\nO3,,2025-01-02,abc\n",
    ));
    assert_eq!(parsed.inputs.len(), 1);
    let errs: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert!(errs[0].starts_with("3: ordered_at: "), "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("4: customer_id: is required")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("4: amount: ")),
        "{errs:?}"
    );
}

#[test]
fn customer_columns_absent_versus_empty() {
    let parsed = parse_customers(table(
        Kind::Customers,
        "customer_id,name,email,phone,tags\nC1,Ann,,+1 555 0100; 555-0101,vip;;b2b\n",
    ));
    let input = &parsed.inputs[0].value;
    assert_eq!(input.email, Some(None));
    assert_eq!(input.company, None);
    assert_eq!(
        input.phones.as_deref(),
        Some(&["+1 555 0100".to_string(), "555-0101".to_string()][..])
    );
    assert_eq!(
        input.tags.as_deref(),
        Some(&["vip".to_string(), "b2b".to_string()][..])
    );
}

#[test]
fn a_contact_count_beyond_the_bound_is_refused() {
    let parsed = parse_complaints(&table(
        Kind::Complaints,
        "customer_id,opened_at,contacts\nC1,2025-01-01,4294967295\nC1,2025-01-01,10001\nC1,2025-01-01,10000\n",
    ));
    let errs: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs[0].starts_with("2: contacts: "), "{errs:?}");
    assert!(errs[1].starts_with("3: contacts: "), "{errs:?}");
    assert_eq!(
        parsed.inputs[0].value.record.contacts,
        Complaint::MAX_CONTACTS
    );
}

#[test]
fn a_finished_complaint_needs_its_times() {
    let parsed = parse_complaints(&table(
        Kind::Complaints,
        "customer_id,opened_at,status,resolved_at,closed_at\n\
         C1,2025-01-01,resolved,,\n\
         C1,2025-01-01,closed,2025-01-02,\n\
         C1,2025-01-01,resolved,2025-01-02,\n\
         C1,2025-01-01,new,,\n",
    ));
    let errs: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errs,
        vec![
            "2: resolved_at: is required when the status is resolved",
            "3: closed_at: is required when the status is closed",
        ]
    );
    assert_eq!(parsed.inputs.len(), 2);
}

#[test]
fn bad_labels_and_scores_are_reported() {
    let parsed = parse_followups(&table(
        Kind::FollowUps,
        "customer_id,at,channel,satisfaction\nC1,2025-01-01,pigeon,9\n",
    ));
    let fields: Vec<&str> = parsed.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["channel", "satisfaction"]);
}
