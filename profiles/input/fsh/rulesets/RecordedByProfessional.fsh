// Who recorded or performed an observation of the chain: a professional (Practitioner or the role at
// an organisation) or the organisation itself, never the client or a relative.
RuleSet: RecordedByProfessional
* performer only Reference(GkPractitioner or GkPractitionerRole or GkOrganization)
