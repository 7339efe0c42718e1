package nl.geboorteketen.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer JWTs: signature against the configured keys (a JWKS file or URL, plus the
 * development key when dev tokens are on), issuer, audience, exp and nbf.
 */
public final class TokenVerifier {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /**
   * A token verified once is not verified again until it expires: the key is the whole token,
   * signature included, so a changed token is a new key; an entry is used only before its exp.
   */
  private record Verified(Caller caller, java.time.Instant expires) {}

  private final com.github.benmanes.caffeine.cache.Cache<String, Verified> verified =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
          .expireAfterWrite(java.time.Duration.ofMinutes(5)).build();

  public TokenVerifier(String jwksLocation, List<JWK> extraKeys, String issuer, String audience) {
    JWKSource<SecurityContext> keys = keySource(jwksLocation, extraKeys);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256,
            JWSAlgorithm.PS256), keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"));
    claims.setMaxClockSkew(30);
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> keySource(String location, List<JWK> extraKeys) {
    try {
      if (location.startsWith("http://") || location.startsWith("https://")) {
        JWKSource<SecurityContext> remote = JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL()).build();
        if (extraKeys.isEmpty()) {
          return remote;
        }
        ImmutableJWKSet<SecurityContext> local = new ImmutableJWKSet<>(new JWKSet(extraKeys));
        return (selector, context) -> {
          List<JWK> found = new ArrayList<>(local.get(selector, context));
          found.addAll(remote.get(selector, context));
          return found;
        };
      }
      List<JWK> all = new ArrayList<>(extraKeys);
      if (!location.isBlank()) {
        all.addAll(JWKSet.parse(Files.readString(Path.of(location))).getKeys());
      }
      return new ImmutableJWKSet<>(new JWKSet(all));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the token keys from GK_JWKS=" + location + ": " + e.getMessage(), e);
    }
  }

  /** The caller the token speaks for; throws {@link InvalidTokenException} with a reason a client can act on. */
  public Caller verify(String token) {
    Verified known = verified.getIfPresent(token);
    if (known != null && known.expires().isAfter(java.time.Instant.now())) {
      return known.caller();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (BadJWTException e) {
      throw new InvalidTokenException("Het token is geweigerd: " + e.getMessage());
    } catch (ParseException e) {
      throw new InvalidTokenException("Het token is geen JWT: " + e.getMessage());
    } catch (com.nimbusds.jose.proc.BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("De handtekening van het token is niet geldig of niet van een vertrouwde uitgever: " + e.getMessage());
    }
    try {
      String scope = claims.getStringClaim("scope");
      Set<String> scopes = scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
      String clientId = claims.getStringClaim("client_id");
      if (clientId == null) {
        clientId = claims.getStringClaim("azp");
      }
      Caller caller = new Caller(claims.getSubject(), clientId, claims.getStringClaim("gk_org"),
          claims.getStringClaim("gk_role"), claims.getStringClaim("gk_bsn"), java.util.Collections.unmodifiableSet(scopes));
      verified.put(token, new Verified(caller, claims.getExpirationTime().toInstant()));
      return caller;
    } catch (ParseException e) {
      throw new InvalidTokenException("Een claim van het token heeft een verkeerd type: " + e.getMessage());
    }
  }

  /** A token that cannot be accepted; becomes 401. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message);
    }
  }
}
