debriefSearch.addShard("ru",{"runbook":[1,8]});
