debriefSearch.addShard("sc",{"scan":[0,11],"schedul":[1,15]});
