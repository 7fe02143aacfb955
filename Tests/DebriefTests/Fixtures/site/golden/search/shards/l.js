debriefSearch.addShard("l",{"l":[4,12]});
