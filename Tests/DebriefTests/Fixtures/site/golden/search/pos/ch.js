debriefSearch.addPositions("ch",{"check":[1,2,99,59,2,2,48,19,1,2,47,31],"checklist":[0,1,131],"checkout":[1,6,0,12,11,37,12,59,2,6,0,4,11,11,31,40],"checkouthigherrorrat":[1,2,12,119,2,2,4,11]});
