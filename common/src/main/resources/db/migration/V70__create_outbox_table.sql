-- The transactional outbox (issue 11): a message is inserted in the same transaction as the state it announces and
-- deleted by the relay (dev.storemon.outbox.OutboxRelay) once the broker acknowledged it. A row left here is a message
-- still to be published; a crash between the broker's acknowledgement and the delete publishes it twice, so consumers
-- de-duplicate by event_id (docs/events.md).
create table outbox (
    id         bigserial   primary key,         -- publishing order
    event_id   uuid        not null unique,     -- stable across re-publications; also the storemon_event_id header
    topic      text        not null,
    message_key text,
    -- When set, the message goes to partition (spread mod the topic's partition count); else the key decides.
    spread     integer,
    payload    text        not null,             -- the JSON value, as consumers receive it
    created_at timestamptz not null default now(),
    attempts   integer     not null default 0,   -- failed publication attempts, for operators
    last_error text
);
-- Old reports are deleted by the gateway's sweeper (storemon.gateway.report-retention). The owners' page adds the
-- same index under the same name (V14 on its branch): whichever migration runs first creates it.
create index if not exists reports_requested_at_idx on reports (requested_at desc);
