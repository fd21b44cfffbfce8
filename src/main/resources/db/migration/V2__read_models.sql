-- Read models: projections of the event log, shaped for the queries that read them.
-- They hold nothing that is not in the log: a rebuild truncates them and replays from position 0.

create table projection_checkpoint (
    projection text   primary key,
    position   bigint not null default 0 check (position >= 0)
);
insert into projection_checkpoint (projection) values ('read-models');

create table document_view (
    id             uuid        primary key,
    content_hash   text        not null unique,
    title          text,
    publisher      text,
    published      text,        -- the date as printed on the page
    published_date date,
    url            text,
    media_type     text        not null,
    text           text        not null,
    length         int         not null,
    ingested_at    timestamptz not null,
    ingested_by    text,
    position       bigint      not null unique
);

create table actor_view (
    id          text primary key,
    name        text not null,
    kind        text not null,
    aliases     text[] not null default '{}',
    wikidata_id text,
    description text,
    fact_count  int  not null default 0
);
create index actor_view_name on actor_view (lower(name), id);

create table topic_view (
    id          text primary key,
    name        text not null,
    description text,
    fact_count  int  not null default 0
);

-- One row per fact: the fact exactly as served (doc, JSON kept as text: it is only ever sent on,
-- never queried inside), plus the columns its filters need. sort_date is the start of the fact's
-- date, or 9999-12-31 when the date is unknown, so that undated facts sort last; date_end is null
-- when the date is unknown.
create table fact_view (
    id        uuid     primary key,
    type      text     not null,
    status    text     not null,
    precision text     not null,
    sort_date date     not null,
    date_end  date,
    version   int      not null,
    position  bigint   not null,
    doc       text     not null,
    search    tsvector not null
);
create index fact_view_by_date on fact_view (sort_date, id);
-- a large pending list: a rebuild's inserts are queued and merged in bulk, not one by one
create index fact_view_search on fact_view using gin (search) with (gin_pending_list_limit = 65536);

-- "Facts of an actor by date": one row per (actor, fact), keyed in the order the page is read.
-- These rows are removed by their key (the projector knows a fact's previous actors and date), so
-- they need no second index.
create table fact_actor (
    actor_id  text not null,
    sort_date date not null,
    fact_id   uuid not null,
    date_end  date,
    precision text not null,
    type      text not null,
    status    text not null,
    roles     text[] not null,
    primary key (actor_id, sort_date, fact_id)
);

create table fact_topic (
    topic_id  text not null,
    sort_date date not null,
    fact_id   uuid not null,
    date_end  date,
    precision text not null,
    type      text not null,
    status    text not null,
    primary key (topic_id, sort_date, fact_id)
);

create table fact_source (
    document_id uuid not null,
    sort_date   date not null,
    fact_id     uuid not null,
    date_end    date,
    precision   text not null,
    type        text not null,
    status      text not null,
    primary key (document_id, sort_date, fact_id)
);

-- Counts over active facts, kept by the projector as deltas. A row is deleted in the transaction
-- that brings its count to 0, so no committed row holds 0. (No check constraint: PostgreSQL checks
-- the proposed row of an INSERT ... ON CONFLICT, a negative delta, before it turns into an update.)
create table actor_pair (
    actor_id    text not null,
    co_actor_id text not null,
    fact_count  int  not null,
    primary key (actor_id, co_actor_id)
);

create table actor_topic (
    actor_id   text not null,
    topic_id   text not null,
    fact_count int  not null,
    primary key (actor_id, topic_id)
);

-- scope: 'all', 'actor:<id>' or 'topic:<id>'; period: 'YYYY' (facts dated to the year or finer)
-- or 'YYYY-MM' (facts dated to the month or finer).
create table timeline_count (
    scope      text not null,
    period     text not null,
    type       text not null,
    fact_count int  not null,
    primary key (scope, period, type)
);
