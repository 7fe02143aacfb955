debriefSearch.addShard("ba",{"back":[1,5,2,10],"backlog":[2,62,2,117],"baselin":[1,5,2,10]});
