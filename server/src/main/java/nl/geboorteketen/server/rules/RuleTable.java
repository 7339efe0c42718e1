package nl.geboorteketen.server.rules;

import java.util.function.Function;

/**
 * A rule table a feature reads (a Library by canonical url) and how to parse it. Each feature
 * declares its tables as beans; {@link RulesConfig} refuses an upload of any of them that does not parse.
 */
public record RuleTable(String url, Function<byte[], ?> parser) {}
