// The GraphQL-over-HTTP server audit of graphql-http, run against a factline server:
//   node audit.mjs http://localhost:8080/graphql
// Prints one JSON object per line: {id, name, status: ok|warn|notice|error, reason}; exits 0.
// Then graphql-js's own introspection queries (plain, and with every option GraphiQL turns on),
// whose answers must build a client schema, as code generators and GraphiQL do.
import { serverAudits } from 'graphql-http';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url of /graphql>');
  process.exit(2);
}
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  const line = { id: audit.id, name: audit.name, status: result.status };
  if (result.status !== 'ok') {
    line.reason = result.reason;
    if (result.response) {
      line.response = { status: result.response.status, contentType: result.response.headers.get('content-type') };
    }
  }
  console.log(JSON.stringify(line));
}

const variants = {
  plain: {},
  graphiql: { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
};
for (const [variant, options] of Object.entries(variants)) {
  const line = { id: 'introspection-' + variant, name: 'graphql-js getIntrospectionQuery(' + JSON.stringify(options) + ') builds a client schema' };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: getIntrospectionQuery(options) }),
    });
    const body = await response.json();
    if (response.status !== 200 || body.errors) {
      Object.assign(line, { status: 'error', reason: response.status + ' ' + JSON.stringify(body.errors) });
    } else {
      const schema = buildClientSchema(body.data);
      const types = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
      Object.assign(line, { status: 'ok', types: types.length, queries: Object.keys(schema.getQueryType().getFields()).length });
    }
  } catch (e) {
    Object.assign(line, { status: 'error', reason: String(e) });
  }
  console.log(JSON.stringify(line));
}
