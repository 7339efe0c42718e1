package nl.geboorteketen.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DEVELOPMENT ONLY. Issues tokens for the seeded test identities (security/dev-identities.json),
 * signed with a key generated at first start and kept in the data directory. The verifier trusts
 * this key only when GK_DEV_TOKENS=true.
 */
public final class DevTokens {

  private static final long LIFETIME_SECONDS = 3600;
  private static final Map<Path, CompletableFuture<RSAKey>> PREPARED_KEYS = new ConcurrentHashMap<>();

  private final RSAKey key;
  private final String issuer;
  private final String audience;
  private final Map<String, JsonNode> identities;

  public DevTokens(RSAKey key, String issuer, String audience, Map<String, JsonNode> identities) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.identities = identities;
  }

  public static DevTokens load(Path dataDir, String issuer, String audience) {
    CompletableFuture<RSAKey> prepared = PREPARED_KEYS.remove(dataDir);
    return new DevTokens(prepared == null ? keyIn(dataDir) : prepared.join(), issuer, audience, seededIdentities());
  }

  /**
   * Starts reading or generating the key in the background: generating a 2048-bit RSA key takes
   * 0.3–2 s of one core, and on a first start it otherwise sat on the start-up's critical path.
   */
  public static void prepareKey(Path dataDir) {
    PREPARED_KEYS.computeIfAbsent(dataDir, d -> CompletableFuture.supplyAsync(() -> keyIn(d)));
  }

  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  public Map<String, JsonNode> identities() {
    return identities;
  }

  public Optional<String> tokenFor(String identity) {
    return Optional.ofNullable(identities.get(identity)).map(claims -> tokenFor(claims, LIFETIME_SECONDS));
  }

  /** A token with these claims; a negative lifetime gives an already expired token (for testing refusals). */
  public String tokenFor(JsonNode claims, long lifetimeSeconds) {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
    claims.fields().forEachRemaining(f -> builder.claim(f.getKey(), f.getValue().asText()));
    return sign(builder, key, issuer, audience, lifetimeSeconds);
  }

  /** Signs claims with the key; iss, aud, iat, nbf, exp and jti are added. */
  public static String sign(JWTClaimsSet.Builder claims, RSAKey key, String issuer, String audience, long lifetimeSeconds) {
    long now = System.currentTimeMillis();
    long exp = now + lifetimeSeconds * 1000;
    // an expired test token was valid once: issued and usable before it expired, never nbf > exp
    long issued = Math.min(now, exp - 60_000);
    claims.issuer(issuer).audience(audience).issueTime(new Date(issued)).notBeforeTime(new Date(issued - 1000))
        .expirationTime(new Date(exp)).jwtID(UUID.randomUUID().toString());
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  private static RSAKey keyIn(Path dataDir) {
    Path file = dataDir.resolve("dev-token-key.jwk");
    try {
      if (Files.isRegularFile(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      RSAKey generated = new RSAKeyGenerator(2048).keyID("gk-dev-" + UUID.randomUUID()).generate();
      Files.createDirectories(dataDir);
      Files.writeString(file, generated.toJSONString());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions protect it
      }
      return generated;
    } catch (IOException | java.text.ParseException | JOSEException e) {
      throw new IllegalStateException("Cannot read or create the development token key " + file, e);
    }
  }

  private static Map<String, JsonNode> seededIdentities() {
    try (InputStream in = DevTokens.class.getResourceAsStream("/security/dev-identities.json")) {
      Map<String, JsonNode> result = new LinkedHashMap<>();
      new ObjectMapper().readTree(in).fields().forEachRemaining(f -> result.put(f.getKey(), f.getValue()));
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read security/dev-identities.json", e);
    }
  }
}
