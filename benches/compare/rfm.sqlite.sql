-- The RFM definition of `loyal rfm` in SQLite, as of @ASOF@ (dates in UTC). Each score is
-- 1 + floor(5 * worse / n), where `worse` counts customers with a strictly worse value and n
-- the customers with an order on or before D; fm = (f + m + 1) / 2; the segment comes from the
-- (r, fm) grid.
WITH agg AS (
    SELECT customer_id,
        CAST(julianday('@ASOF@') - julianday(max(substr(ordered_at, 1, 10))) AS INTEGER)
            AS recency_days,
        count(*) AS frequency,
        sum(amount_cents) AS monetary
    FROM orders
    WHERE substr(ordered_at, 1, 10) <= '@ASOF@'
    GROUP BY customer_id
), ranked AS (
    SELECT *,
        rank() OVER (ORDER BY recency_days DESC) - 1 AS r_worse,
        rank() OVER (ORDER BY frequency) - 1 AS f_worse,
        rank() OVER (ORDER BY monetary) - 1 AS m_worse,
        count(*) OVER () AS n
    FROM agg
), scored AS (
    SELECT customer_id, recency_days, frequency, monetary,
        min(5, 1 + 5 * r_worse / n) AS r,
        min(5, 1 + 5 * f_worse / n) AS f,
        min(5, 1 + 5 * m_worse / n) AS m
    FROM ranked
)
SELECT customer_id, recency_days, frequency, monetary, r, f, m,
    CASE r * 10 + (f + m + 1) / 2
        WHEN 55 THEN 'Champions' WHEN 54 THEN 'Champions' WHEN 45 THEN 'Champions'
        WHEN 53 THEN 'Loyal' WHEN 44 THEN 'Loyal' WHEN 35 THEN 'Loyal' WHEN 34 THEN 'Loyal'
        WHEN 52 THEN 'Potential Loyalist' WHEN 42 THEN 'Potential Loyalist'
        WHEN 43 THEN 'Potential Loyalist' WHEN 33 THEN 'Potential Loyalist'
        WHEN 51 THEN 'New'
        WHEN 41 THEN 'Promising' WHEN 31 THEN 'Promising'
        WHEN 32 THEN 'Needs Attention' WHEN 23 THEN 'Needs Attention'
        WHEN 22 THEN 'Needs Attention'
        WHEN 21 THEN 'About to Sleep'
        WHEN 25 THEN 'At Risk' WHEN 24 THEN 'At Risk' WHEN 13 THEN 'At Risk'
        WHEN 15 THEN 'Can''t Lose Them' WHEN 14 THEN 'Can''t Lose Them'
        WHEN 12 THEN 'Hibernating'
        ELSE 'Lost'
    END AS segment
FROM scored;
