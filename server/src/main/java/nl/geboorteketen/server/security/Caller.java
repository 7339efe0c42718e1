package nl.geboorteketen.server.security;

import java.util.Set;
import nl.geboorteketen.mappings.access.AccessRules;

/** Who is calling, from a verified token: the user, the organisation and role, or the person (PGO). */
public record Caller(String subject, String clientId, String organisation, String role, String bsn, Set<String> scopes) {

  public static final String BEHEERDER = "beheerder";

  public boolean isBeheerder() {
    return BEHEERDER.equals(role);
  }

  public boolean isPgo() {
    return bsn != null;
  }

  /** The role name the access rule table uses for this caller ("pgo" for a PGO token). */
  public String tableRole() {
    return isPgo() ? AccessRules.PGO : role;
  }

  public boolean isPartner() {
    return organisation != null && !isBeheerder();
  }

  /** True when a SMART v2 scope grants the permission letter (c, r, u, d, s) on the type. */
  public boolean may(String resourceType, char permission) {
    for (String scope : scopes) {
      int slash = scope.indexOf('/');
      int dot = scope.lastIndexOf('.');
      if (slash < 0 || dot < slash) {
        continue;
      }
      String type = scope.substring(slash + 1, dot);
      String letters = scope.substring(dot + 1);
      if (letters.equals("*") || letters.equals("write") && "cud".indexOf(permission) >= 0
          || letters.equals("read") && "rs".indexOf(permission) >= 0) {
        letters = "cruds";
      }
      if ((type.equals("*") || type.equals(resourceType)) && letters.indexOf(permission) >= 0) {
        return true;
      }
    }
    return false;
  }
}
