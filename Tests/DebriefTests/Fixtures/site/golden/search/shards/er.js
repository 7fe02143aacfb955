debriefSearch.addShard("er",{"error":[0,17,1,131,2,156]});
