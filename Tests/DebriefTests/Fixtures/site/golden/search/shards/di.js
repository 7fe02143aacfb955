debriefSearch.addShard("di",{"did":[0,11,1,8],"disabl":[0,6]});
