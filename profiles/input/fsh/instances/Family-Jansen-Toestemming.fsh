// Anna Jansen agrees to share her record with her PGO app, and refuses sharing with the JGZ.

Instance: family-jansen-consent-pgo
InstanceOf: GkConsent
Usage: #example
Title: "Anna Jansen: sharing with her PGO"
Description: "Anna agrees that her records and her son's are shown in her PGO app."
* status = #active
* scope = $consentScope#patient-privacy
* category[gk] = $consentCategory#pgo-delen
* patient = Reference(family-jansen-anna)
* dateTime = "2026-05-01T10:00:00+02:00"
* policyRule = $v3ActCode#OPTIN
* provision.type = #permit
