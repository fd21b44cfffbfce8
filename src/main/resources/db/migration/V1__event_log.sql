-- The event log: the only source of truth. Everything else is a projection of it.
--
-- Order without skipping. A follower reads the log in `position` order and must never miss an
-- event that commits late with a lower position. Appends are not serialised; instead the position
-- is derived from the appending transaction's id: (transaction id << 16) + index within the append.
-- Readers only read below the horizon (the oldest transaction id still running, << 16): every
-- transaction under it has ended, and any transaction that has not yet ended, or has not begun,
-- has an id at or above it. So the part of the log below the horizon is final, and reading it in
-- position order never skips a late commit. Appends stay concurrent (PostgreSQL groups their
-- commits); an append holds at most 65,535 events.

create table event (
    position       bigint      primary key check (position > 0),
    stream_id      text        not null check (length(stream_id) between 1 and 200),
    version        int         not null check (version > 0),
    type           text        not null check (length(type) between 1 and 100),
    schema_version smallint    not null check (schema_version > 0),
    payload        jsonb       not null,
    metadata       jsonb       not null default '{}',
    recorded_at    timestamptz not null default now(),
    constraint event_stream_version unique (stream_id, version)
);

comment on table event is 'Append-only event log. UPDATE, DELETE and TRUNCATE are refused. '
    'position = (appending transaction id << 16) + index in the append; read below event_horizon().';

-- Immutability is enforced by the database itself, not only by the application.
create function refuse_event_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the event log is append-only: % on event is refused', tg_op
        using errcode = 'FL001', hint = 'record a new event (a correction or a retraction) instead';
end;
$$;

create trigger event_no_update_or_delete
    before update or delete on event
    for each row execute function refuse_event_change();

create trigger event_no_truncate
    before truncate on event
    for each statement execute function refuse_event_change();

revoke update, delete, truncate on event from public;

-- Positions below this are final: no transaction that could still write one is running.
create function event_horizon() returns bigint
    language sql stable parallel safe as
$$
    select pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16
$$;

-- Called by an append whose expectation about a stream's version does not hold: aborts the whole
-- append. The detail is machine-readable: expected|actual|stream.
create function append_expectation_failed(stream text, expected int, actual int) returns boolean
    language plpgsql as
$$
begin
    raise exception 'stream % is at version %, not as expected (%)', stream, actual, expected
        using errcode = 'FL002', detail = expected || '|' || actual || '|' || stream;
end;
$$;
