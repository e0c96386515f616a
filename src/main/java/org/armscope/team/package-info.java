/**
 * The team's work on the knowledge base: accounts and roles, comments and complaints with their
 * moderation queue, error reports and the corrections they become, and subscriptions (Atom feeds
 * and signed webhooks). {@link org.armscope.team.TeamStore} keeps all of it in the same SQL
 * database as the documents; the web stage exposes it.
 */
package org.armscope.team;
