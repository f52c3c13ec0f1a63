-- Polls are added incrementally and never duplicated: one row per (store, instant).
-- version is the data version that first stored the poll.
create table polls (
    store_key integer     not null references stores (store_key),
    ts        timestamptz not null,
    active    boolean     not null,
    version   bigint      not null,
    primary key (store_key, ts)
);
