// "Context: maternal record": the record belongs to one pregnancy (zwangerschapsdossier) and
// points at its EpisodeOfCare with the ext-maternal-record extension (search: maternal-record).
// {card}: 1..1 where every such record must carry it, 0..1 where it is recommended.
RuleSet: PointsAtMaternalRecord(card)
* extension contains ExtMaternalRecord named maternalRecord {card} MS
* extension[maternalRecord] ^short = "Het zwangerschapsdossier waar dit bij hoort (the maternal record this belongs to)"
