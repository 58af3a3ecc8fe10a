//! Tests of [`super`].

use super::*;

fn mapped(kind: Kind, header: &str) -> Option<&'static str> {
    field_of(kind, header, &ColumnMap::default())
}

#[test]
fn headers_people_write_name_the_columns() {
    for (header, field) in [
        ("客户编号", "customer_id"),
        ("客户名称", "name"),
        ("手机", "phone"),
        ("*手机号", "phone"),
        ("Customer ID", "customer_id"),
        ("CUSTOMER_ID", "customer_id"),
        (" 邮箱 ", "email"),
        ("单位", "company"),
        ("负责人", "owner"),
        ("Referred By", "referred_by"),
    ] {
        assert_eq!(mapped(Kind::Customers, header), Some(field), "{header}");
    }
    assert_eq!(mapped(Kind::Orders, "金额（元）"), Some("amount"));
    assert_eq!(mapped(Kind::Orders, "Amount (CNY)"), Some("amount"));
    assert_eq!(mapped(Kind::Orders, "下单时间"), Some("ordered_at"));
    assert_eq!(mapped(Kind::Orders, "订单号"), Some("order_id"));
    assert_eq!(mapped(Kind::Complaints, "状态"), Some("status"));
    // A name of another kind's column is not this kind's.
    assert_eq!(mapped(Kind::Customers, "订单号"), None);
    assert_eq!(mapped(Kind::Customers, "备注"), None);
}

#[test]
fn a_mapping_comes_first_and_a_later_one_wins() {
    let mut map = ColumnMap::parse("手机号码=phone, 会员=customer_id").unwrap();
    assert_eq!(field_of(Kind::Customers, "手机号码", &map), Some("phone"));
    assert_eq!(field_of(Kind::Customers, "会员", &map), Some("customer_id"));
    map.extend("会员=name").unwrap();
    assert_eq!(field_of(Kind::Customers, "会员", &map), Some("name"));
    assert_eq!(map.to_text(), "手机号码=phone,会员=customer_id,会员=name");
    // A pair for a field this kind lacks is passed over.
    let orders = ColumnMap::parse("单据=order_id").unwrap();
    assert_eq!(field_of(Kind::Customers, "单据", &orders), None);
    assert!(ColumnMap::parse("x=phnoe").unwrap_err().contains("phone"));
    assert!(ColumnMap::parse("no pair here").is_err());
}

#[test]
fn two_columns_for_one_field_are_refused_and_near_misses_suggested() {
    let header = vec!["客户编号".to_string(), "姓名".into(), "名称".into()];
    let err = map_header(Kind::Customers, &header, &ColumnMap::default()).unwrap_err();
    assert_eq!(err.field, "name");
    assert!(
        err.reason.contains("姓名") && err.reason.contains("名称"),
        "{}",
        err.reason
    );
    let ignore_one = ColumnMap::parse("名称=-").unwrap();
    assert_eq!(
        map_header(Kind::Customers, &header, &ignore_one).unwrap(),
        [Some("customer_id"), Some("name"), None]
    );
    assert_eq!(
        suggestion(Kind::Customers, "手机号吗").as_deref(),
        Some("手机号码 (phone)")
    );
    assert_eq!(
        suggestion(Kind::Customers, "emial").as_deref(),
        Some("email")
    );
    assert_eq!(suggestion(Kind::Customers, "favourite colour"), None);
}
