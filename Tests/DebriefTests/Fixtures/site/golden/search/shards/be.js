debriefSearch.addShard("be",{"becaus":[0,11,1,11],"befor":[1,23],"began":[0,6,1,5,2,5],"behind":[1,8]});
