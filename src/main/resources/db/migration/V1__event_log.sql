-- The event log: the only source of truth. Everything else is a projection of it.

create table event (
    position       bigint generated always as identity primary key,
    stream_id      text        not null check (length(stream_id) between 1 and 200),
    version        int         not null check (version > 0),
    type           text        not null check (length(type) between 1 and 100),
    schema_version smallint    not null check (schema_version > 0),
    payload        jsonb       not null,
    metadata       jsonb       not null default '{}',
    recorded_at    timestamptz not null default now(),
    constraint event_stream_version unique (stream_id, version)
);

comment on table event is 'Append-only event log. Rows are written only by append_events(); UPDATE, DELETE and TRUNCATE are refused.';

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

-- Appends are serialised by a transaction-scoped advisory lock that is released only after the
-- commit is visible. Positions are therefore handed out in commit order, and a reader that
-- follows `position` can never see position n+1 before position n has committed.
--
-- One call appends a batch of independent requests (the service groups concurrent appends into
-- one call, one commit). Each request carries an expected version per stream it writes:
--   -1 any, -2 the stream must exist, 0 the stream must not exist, n > 0 exactly n.
-- A request whose expectation fails appends nothing and is reported with accepted = false and
-- the stream's actual version; the other requests of the batch are appended.
-- Events and expectations must be ordered by request index.
create function append_events(
    p_request        int[],
    p_stream         text[],
    p_type           text[],
    p_schema_version smallint[],
    p_payload        jsonb[],
    p_metadata       jsonb[],
    p_exp_request    int[],
    p_exp_stream     text[],
    p_exp_version    int[]
) returns table (request int, stream_id text, version int, event_position bigint, accepted boolean)
    language plpgsql as
$$
#variable_conflict use_column
declare
    n_events    int := coalesce(array_length(p_request, 1), 0);
    n_expected  int := coalesce(array_length(p_exp_request, 1), 0);
    e           int := 1;
    x           int := 1;
    r           int;
    h           int;
    actual      int;
    wanted      int;
    ok          boolean;
    head_stream  text[];
    head_version int[];
    ins_event   int[] := '{}';
    ins_version int[] := '{}';
begin
    if n_events <> coalesce(array_length(p_stream, 1), 0)
        or n_events <> coalesce(array_length(p_type, 1), 0)
        or n_events <> coalesce(array_length(p_schema_version, 1), 0)
        or n_events <> coalesce(array_length(p_payload, 1), 0)
        or n_events <> coalesce(array_length(p_metadata, 1), 0)
        or n_expected <> coalesce(array_length(p_exp_stream, 1), 0)
        or n_expected <> coalesce(array_length(p_exp_version, 1), 0) then
        raise exception 'append_events: argument arrays differ in length' using errcode = '22023';
    end if;

    perform pg_advisory_xact_lock(4242000001);

    select array_agg(s.id),
           array_agg(coalesce((select max(ev.version) from event ev where ev.stream_id = s.id), 0))
      into head_stream, head_version
      from (select distinct unnest(p_stream || p_exp_stream) as id) s;

    while e <= n_events or x <= n_expected loop
        r := least(case when e <= n_events then p_request[e] end,
                   case when x <= n_expected then p_exp_request[x] end);
        ok := true;
        while x <= n_expected and p_exp_request[x] = r loop
            actual := head_version[array_position(head_stream, p_exp_stream[x])];
            wanted := p_exp_version[x];
            if not (wanted = -1 or (wanted = -2 and actual > 0) or wanted = actual) then
                ok := false;
                request := r; stream_id := p_exp_stream[x]; version := actual;
                event_position := null; accepted := false;
                return next;
            end if;
            x := x + 1;
        end loop;
        while e <= n_events and p_request[e] = r loop
            if ok then
                h := array_position(head_stream, p_stream[e]);
                head_version[h] := head_version[h] + 1;
                ins_event := ins_event || e;
                ins_version := ins_version || head_version[h];
            end if;
            e := e + 1;
        end loop;
    end loop;

    if array_length(ins_event, 1) > 0 then
        return query
            with ins as (
                insert into event (stream_id, version, type, schema_version, payload, metadata)
                select p_stream[t.i], t.v, p_type[t.i], p_schema_version[t.i], p_payload[t.i], p_metadata[t.i]
                  from unnest(ins_event, ins_version) with ordinality as t(i, v, o)
                 order by t.o
                returning event.position, event.stream_id, event.version
            )
            select p_request[t.i], ins.stream_id, ins.version, ins.position, true
              from ins
              join unnest(ins_event, ins_version) as t(i, v)
                on p_stream[t.i] = ins.stream_id and t.v = ins.version
             order by ins.position;
        -- wakes followers once the transaction commits
        perform pg_notify('factline_events', '');
    end if;
end;
$$;
