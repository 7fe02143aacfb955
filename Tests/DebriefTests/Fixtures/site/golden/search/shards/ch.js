debriefSearch.addShard("ch",{"check":[1,23,2,10,1,12],"checklist":[0,20],"checkout":[1,166,2,176],"checkouthigherrorrat":[1,55,2,93]});
