debriefSearch.addShard("sl",{"slow":[0,17]});
