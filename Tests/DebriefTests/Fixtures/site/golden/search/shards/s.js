debriefSearch.addShard("s",{"s":[0,11]});
